import { DeleteOutlined, UploadOutlined } from '@ant-design/icons'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Alert, Button, Card, Flex, Form, Image, Input, InputNumber, Space, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { registerMessages } from '../i18n/register-messages.ts'
import { useIsAdmin } from '../settings/use-is-admin.ts'
import { MailSettingsForm } from './MailSettingsForm.tsx'
import { quoteMessages } from './messages.ts'
import { errorText } from './quote-lines.ts'
import { quotesApi, type QuoteSettings as Settings } from './quotes-api.ts'

registerMessages('quotes', quoteMessages)

const SETTINGS_KEY = ['quote-settings']

/** /settings/quotes: the seller on every quote (name, address, logo), new quotes' defaults, and outgoing email. */
export function QuoteSettings() {
  const { t } = useTranslation('quotes')
  const admin = useIsAdmin()
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: quotesApi.settings })
  return (
    <Flex vertical gap={12} data-testid="quote-settings">
      {!admin && <Alert type="info" showIcon message={t('settings.adminOnly')} />}
      {settings.data && <CompanyForm key={JSON.stringify(settings.data)} settings={settings.data} admin={admin} />}
      {admin && <MailSettingsForm />}
    </Flex>
  )
}

function CompanyForm({ settings, admin }: { settings: Settings; admin: boolean }) {
  const { t } = useTranslation('quotes')
  const { t: tApp } = useTranslation()
  const { message } = App.useApp()
  const client = useQueryClient()
  const [form] = Form.useForm()
  const [saving, setSaving] = useState(false)
  const [logoVersion, setLogoVersion] = useState(0)
  const act = async (action: () => Promise<unknown>, done: string) => {
    setSaving(true)
    try {
      await action()
      message.success(t(done))
      setLogoVersion((version) => version + 1)
      await client.invalidateQueries({ queryKey: SETTINGS_KEY })
    } catch (error) {
      message.error(errorText(error, tApp('error.generic')))
    } finally {
      setSaving(false)
    }
  }
  return (
    <Card size="small" title={t('settings.company')}>
      <Form form={form} layout="vertical" disabled={!admin} initialValues={settings} style={{ maxWidth: 560 }}
        onFinish={(values) => act(() => quotesApi.saveSettings(values), 'settings.saved')}>
        <Form.Item name="company_name" label={t('settings.companyName')} extra={t('settings.companyNameHelp')}>
          <Input maxLength={200} placeholder={settings.workspace_name} data-testid="quote-company-name" />
        </Form.Item>
        <Form.Item name="company_address" label={t('settings.address')}><Input maxLength={500} /></Form.Item>
        <Form.Item name="company_phone" label={t('settings.phone')}><Input maxLength={50} /></Form.Item>
        <Space size={16} wrap>
          <Form.Item name="default_tax_percent" label={t('settings.tax')}><InputNumber min={0} max={100} precision={2} data-testid="quote-default-tax" /></Form.Item>
          <Form.Item name="validity_days" label={t('settings.validity')}><InputNumber min={1} max={3650} precision={0} /></Form.Item>
        </Space>
        <Form.Item name="default_terms" label={t('settings.terms')}><Input.TextArea rows={4} maxLength={5000} /></Form.Item>
        <Form.Item label={t('settings.logo')} extra={t('settings.logoHelp')}>
          <Space align="center" wrap>
            {settings.has_logo && <Image src={`/api/v1/quote-settings/logo?v=${logoVersion}`} height={40} preview={false} alt="" />}
            <Upload accept="image/png,image/jpeg" showUploadList={false} beforeUpload={(file) => {
              void act(() => quotesApi.uploadLogo(file), 'settings.logoSaved')
              return false
            }}>
              <Button icon={<UploadOutlined />} data-testid="quote-logo-upload">{t('settings.logoUpload')}</Button>
            </Upload>
            {settings.has_logo && <Button icon={<DeleteOutlined />} onClick={() => void act(quotesApi.removeLogo, 'settings.saved')}>{t('settings.logoRemove')}</Button>}
          </Space>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="quote-settings-save">{t('settings.save')}</Button>
      </Form>
    </Card>
  )
}
