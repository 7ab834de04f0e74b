import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Card, Form, Input, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { ApiError, request } from '../api/client.ts'
import { AuthFrame } from './AuthFrame.tsx'
import { sessionKey } from './use-session.ts'

interface SignUpValues {
  workspace: string
  name: string
  email: string
  password: string
}

export function SignUpPage() {
  const { t } = useTranslation('auth')
  const client = useQueryClient()
  const navigate = useNavigate()
  const signUp = useMutation({
    mutationFn: (values: SignUpValues) => request('/api/auth/sign-up', { method: 'POST', body: values }),
    onSuccess: async () => {
      client.clear()
      await client.invalidateQueries({ queryKey: sessionKey })
      navigate('/', { replace: true })
    },
  })
  const required = { required: true, message: t('rule.required') }
  return (
    <AuthFrame>
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('signUp.title')}</Typography.Title>}>
        <Form layout="vertical" onFinish={(values: SignUpValues) => signUp.mutate(values)} requiredMark={false}>
          {signUp.error instanceof ApiError && <Alert type="error" showIcon title={signUp.error.message} style={{ marginBottom: 16 }} />}
          <Form.Item name="workspace" label={t('field.workspace')} rules={[required]}><Input autoFocus maxLength={100} /></Form.Item>
          <Form.Item name="name" label={t('field.name')} rules={[required]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="email" label={t('field.email')} rules={[required]}><Input autoComplete="username" inputMode="email" /></Form.Item>
          <Form.Item name="password" label={t('field.password')} rules={[required, { min: 8, message: t('rule.passwordLength') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={signUp.isPending}>{t('signUp.submit')}</Button>
        </Form>
        <div style={{ marginTop: 16, textAlign: 'center' }}><Link to="/sign-in">{t('signUp.toSignIn')}</Link></div>
      </Card>
    </AuthFrame>
  )
}
