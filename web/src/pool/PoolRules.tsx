import { useQueryClient } from '@tanstack/react-query'
import { App, Button, Drawer, Form, InputNumber } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import { poolApi, type CustomerRules } from '../api/pool.ts'

const FIELDS: { name: keyof CustomerRules; label: string; extra?: string; min: number }[] = [
  { name: 'claim_limit', label: 'rules.claimLimit', min: 0 },
  { name: 'return_days', label: 'rules.returnDays', extra: 'rules.returnOff', min: 1 },
  { name: 'notice_days', label: 'rules.noticeDays', min: 0 },
  { name: 'silent_days', label: 'rules.silentDays', extra: 'rules.silentOff', min: 1 },
]

/** The administrator's pool and silent-customer rules; the server's refusals show under each field. */
export function PoolRules({ rules, onClose }: { rules: CustomerRules; onClose: () => void }) {
  const { t } = useTranslation('pool')
  const { t: tApp } = useTranslation()
  const { message } = App.useApp()
  const client = useQueryClient()
  const [form] = Form.useForm<CustomerRules>()
  const [saving, setSaving] = useState(false)
  const save = async (values: CustomerRules) => {
    setSaving(true)
    try {
      // An emptied box turns the rule off (null), except for the two that must have a number.
      await poolApi.saveSettings({ ...values, return_days: values.return_days ?? null, silent_days: values.silent_days ?? null })
      message.success(t('rules.saved'))
      await client.invalidateQueries({ queryKey: ['pool', 'settings'] })
      onClose()
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        form.setFields(error.fields.map((field) => ({ name: field.field as keyof CustomerRules, errors: [field.message] })))
      } else message.error(error instanceof Error ? error.message : tApp('error.generic'))
    } finally {
      setSaving(false)
    }
  }
  return (
    <Drawer open title={t('rules')} onClose={onClose} size={420} data-testid="pool-rules-drawer"
      extra={<Button type="primary" loading={saving} onClick={() => form.submit()}>{tApp('action.save')}</Button>}>
      <Form form={form} layout="vertical" initialValues={rules} onFinish={(values) => void save(values)}>
        {FIELDS.map((field) => (
          <Form.Item key={field.name} name={field.name} label={t(field.label)} extra={field.extra && t(field.extra)}
            rules={field.extra ? [] : [{ required: true }]}>
            <InputNumber min={field.min} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        ))}
      </Form>
    </Drawer>
  )
}
