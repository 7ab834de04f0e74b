import { useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Form, Input, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorText } from './quote-lines.ts'
import { quotesApi, type MailSettings } from './quotes-api.ts'

const MAIL_KEY = ['mail-settings']

/** The workspace's SMTP server and sender (administrators only; the password is never shown again). */
export function MailSettingsForm() {
  const { t } = useTranslation('quotes')
  const settings = useQuery({ queryKey: MAIL_KEY, queryFn: quotesApi.mailSettings })
  return (
    <Card size="small" title={t('settings.mail')}>
      {settings.data && <MailForm key={JSON.stringify(settings.data)} settings={settings.data} />}
    </Card>
  )
}

function MailForm({ settings }: { settings: MailSettings }) {
  const { t } = useTranslation('quotes')
  const { t: tApp } = useTranslation()
  const { message } = App.useApp()
  const client = useQueryClient()
  const [saving, setSaving] = useState(false)
  const save = async (values: { smtp_url?: string; from?: string }) => {
    setSaving(true)
    try {
      await quotesApi.saveMailSettings({ smtp_url: values.smtp_url || null, from: values.from || null })
      message.success(t('settings.mailSaved'))
      await client.invalidateQueries({ queryKey: MAIL_KEY })
    } catch (error) {
      message.error(errorText(error, tApp('error.generic')))
    } finally {
      setSaving(false)
    }
  }
  return (
    <Form layout="vertical" initialValues={{ smtp_url: settings.smtp_url ?? '', from: settings.from ?? '' }} onFinish={save} style={{ maxWidth: 560 }}>
      <Typography.Paragraph type="secondary">{t('settings.mailState', { state: settings.configured ? t('settings.mailOn') : t('settings.mailOff') })}</Typography.Paragraph>
      <Form.Item name="smtp_url" label={t('settings.smtpUrl')} extra={t('settings.smtpHelp')}><Input maxLength={500} data-testid="mail-smtp-url" /></Form.Item>
      <Form.Item name="from" label={t('settings.from')}><Input maxLength={500} placeholder="Rapport <sales@example.com>" /></Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>{t('settings.save')}</Button>
    </Form>
  )
}
