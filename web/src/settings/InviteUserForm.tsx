import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Drawer, Form, Input, Select, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { recordsApi } from '../api/records.ts'
import { RecordPicker } from '../fields/RecordPicker.tsx'
import { toApiValue, validateValue } from '../fields/validate-value.ts'
import { currentLanguage } from '../i18n/i18n.ts'
import { useLabel } from '../metadata/labels.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { fieldOf } from '../metadata/use-metadata.ts'
import { showServerErrors } from './server-errors.ts'
import { useIsPhone } from '../app/use-is-phone.ts'

const FORM_FIELDS = ['name', 'email', 'password', 'role', 'team_id', 'job_title'] as const

/** A new member of the workspace with a first password; they sign in with it and the role given here. */
export function InviteUserForm({ users, open, onClose }: { users: ObjectMeta; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('settings')
  const { t: tApp } = useTranslation()
  const label = useLabel()
  const { message } = App.useApp()
  const client = useQueryClient()
  const [form] = Form.useForm()
  const [formError, setFormError] = useState<string>()
  const phone = useIsPhone()
  const save = useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      recordsApi.create('users', { ...Object.fromEntries(Object.entries(values).map(([key, value]) => [key, toApiValue(value)]).filter(([, value]) => value !== null)), active: true }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['records', 'users'] })
      message.success(t('user.invited'))
      form.resetFields()
      onClose()
    },
    onError: (error) => setFormError(showServerErrors(form, error, (path) => (FORM_FIELDS.includes(path[0] as never) ? path : undefined), tApp('error.generic'))),
  })
  // Each metadata field is checked by the server's own field-type code before sending.
  const rulesOf = (name: string) => {
    const field = fieldOf(users, name)
    return field ? [{ validator: async (_rule: unknown, value: unknown) => { const problem = validateValue(field, toApiValue(value), currentLanguage()); if (problem) throw new Error(problem) } }] : []
  }
  const fieldLabel = (name: string) => label(fieldOf(users, name)?.label)
  const role = fieldOf(users, 'role')
  return (
    <Drawer open={open} onClose={onClose} size={phone ? '100%' : 480} destroyOnHidden title={t('user.inviteTitle')}
      extra={
        <Space>
          <Button onClick={onClose}>{tApp('action.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="user-save">{tApp('action.save')}</Button>
        </Space>
      }>
      <Form form={form} layout="vertical" name="invite_user" initialValues={{ role: 'rep' }} onFinish={(values) => { setFormError(undefined); save.mutate(values) }} data-testid="invite-user-form">
        {formError && <div role="alert" style={{ color: '#ff4d4f', marginBottom: 16 }}>{formError}</div>}
        <Form.Item name="name" label={fieldLabel('name')} required validateTrigger="onBlur" rules={rulesOf('name')}>
          <Input data-testid="user-name" />
        </Form.Item>
        <Form.Item name="email" label={fieldLabel('email')} required validateTrigger="onBlur" rules={rulesOf('email')}>
          <Input data-testid="user-email" inputMode="email" autoComplete="off" />
        </Form.Item>
        <Form.Item name="password" label={t('user.password')} extra={t('user.passwordHelp')} rules={[{ required: true, message: t('user.passwordRequired') }]}>
          <Input.Password data-testid="user-password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role" label={fieldLabel('role')} required rules={rulesOf('role')}>
          <Select data-testid="user-role" options={(role?.options ?? []).map((option) => ({ value: option.value, label: label(option.label) }))} />
        </Form.Item>
        <Form.Item name="team_id" label={fieldLabel('team_id')}>
          <TeamSlot />
        </Form.Item>
        <Form.Item name="job_title" label={fieldLabel('job_title')} rules={rulesOf('job_title')}>
          <Input />
        </Form.Item>
      </Form>
    </Drawer>
  )
}

function TeamSlot({ value, onChange, id }: { value?: string | null; onChange?: (value: string | string[] | null) => void; id?: string }) {
  return <RecordPicker id={id} target="teams" value={value} onChange={(next) => onChange?.(next)} />
}
