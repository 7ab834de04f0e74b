import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Card, Form, Input, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { ApiError, request } from '../api/client.ts'
import { AuthFrame } from './AuthFrame.tsx'
import { sessionKey, useAuthOptions } from './use-session.ts'

export function SignInPage() {
  const { t } = useTranslation('auth')
  const client = useQueryClient()
  const navigate = useNavigate()
  const { data: options } = useAuthOptions()
  const signIn = useMutation({
    mutationFn: (values: { email: string; password: string }) => request('/api/auth/sign-in', { method: 'POST', body: values }),
    onSuccess: async () => {
      client.clear()
      await client.invalidateQueries({ queryKey: sessionKey })
      navigate('/', { replace: true })
    },
  })
  return (
    <AuthFrame>
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('signIn.title')}</Typography.Title>}>
        <Form layout="vertical" onFinish={(values) => signIn.mutate(values)} requiredMark={false}>
          {signIn.error instanceof ApiError && <Alert type="error" showIcon title={signIn.error.message} style={{ marginBottom: 16 }} />}
          <Form.Item name="email" label={t('field.email')} rules={[{ required: true, message: t('rule.required') }]}>
            <Input autoComplete="username" inputMode="email" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('field.password')} rules={[{ required: true, message: t('rule.required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={signIn.isPending}>{t('signIn.submit')}</Button>
        </Form>
        {options?.signUp && <div style={{ marginTop: 16, textAlign: 'center' }}><Link to="/sign-up">{t('signIn.toSignUp')}</Link></div>}
      </Card>
    </AuthFrame>
  )
}
