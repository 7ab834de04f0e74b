import { App, Form, Input, Modal, Switch, type ButtonProps } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiRecord } from '../api/records.ts'
import { quoteLabel } from '../../../server/src/quotes/quote-status.ts'
import { errorText, useRefreshQuote } from './quote-lines.ts'
import { quotesApi, type SendInput } from './quotes-api.ts'

/** Send: email the PDF (to the contact unless another address is given), or only mark the quote sent. */
export function SendQuoteDialog({ quote, open, onClose }: { quote: ApiRecord; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('quotes')
  const { t: tApp } = useTranslation()
  const { message } = App.useApp()
  const refresh = useRefreshQuote(quote.id)
  const [form] = Form.useForm<SendInput>()
  const [busy, setBusy] = useState(false)
  const email = Form.useWatch('email', form) ?? true
  const submit = async (values: SendInput) => {
    setBusy(true)
    try {
      const input = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== '')) as unknown as SendInput
      const result = await quotesApi.send(quote.id, input)
      message.success(result.emailed ? t('send.done') : t('send.marked'))
      onClose()
    } catch (error) {
      message.error(errorText(error, tApp('error.generic')))
    } finally {
      setBusy(false)
      await refresh()
    }
  }
  return (
    <Modal open={open} title={t('send.title', { label: quoteLabel(quote.number, quote.quote_version) })} onCancel={onClose} okText={t('send.ok')}
      cancelText={tApp('action.cancel')} confirmLoading={busy} onOk={() => form.submit()} destroyOnHidden okButtonProps={{ 'data-testid': 'send-confirm' } as ButtonProps}
      cancelButtonProps={{ 'data-testid': 'send-cancel' } as ButtonProps}>
      <Form form={form} layout="vertical" initialValues={{ email: true }} onFinish={submit}>
        <Form.Item name="email" label={t('send.email')} valuePropName="checked" extra={t('send.emailHelp')}>
          <Switch data-testid="send-email" />
        </Form.Item>
        {email && (
          <>
            <Form.Item name="to" label={t('send.to')} extra={t('send.toHelp')}><Input type="email" data-testid="send-to" /></Form.Item>
            <Form.Item name="cc" label={t('send.cc')}><Input type="email" /></Form.Item>
            <Form.Item name="subject" label={t('send.subject')}><Input maxLength={200} /></Form.Item>
            <Form.Item name="message" label={t('send.message')} extra={t('send.defaultText')}><Input.TextArea rows={4} maxLength={5000} /></Form.Item>
          </>
        )}
      </Form>
    </Modal>
  )
}
