import { FilePdfOutlined, FileProtectOutlined, SendOutlined } from '@ant-design/icons'
import { App, Alert, Button, Card, Flex, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { ApiRecord } from '../api/records.ts'
import { registerMessages } from '../i18n/register-messages.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { quoteMessages } from './messages.ts'
import { errorText, useRefreshQuote } from './quote-lines.ts'
import { QuoteLineEditor } from './QuoteLineEditor.tsx'
import { QuoteVersions } from './QuoteVersions.tsx'
import { quotePdfUrl, quotesApi } from './quotes-api.ts'
import { SendQuoteDialog } from './SendQuoteDialog.tsx'

registerMessages('quotes', quoteMessages)

const SENT_TO_CUSTOMER = new Set(['sent', 'rejected', 'expired'])

/** On a quote's page: its lines with live totals, and Download PDF, Send, Create contract; then its versions. */
export function QuotePanel({ object, record, objects }: { object: ObjectMeta; record: ApiRecord; objects: ObjectMeta[] }) {
  const { t } = useTranslation('quotes')
  const { t: tApp } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const refresh = useRefreshQuote(record.id)
  const [sending, setSending] = useState(false)
  const status = String(record.status ?? 'draft')
  const lines = objects.find((candidate) => candidate.name === 'quote_lines')
  const contracts = objects.find((candidate) => candidate.name === 'contracts')
  const editable = status !== 'accepted' && object.permissions.update && Boolean(lines?.permissions.update && lines.permissions.create)
  const createContract = async () => {
    try {
      const contract = await quotesApi.contract(record.id)
      message.success(t('action.contractDone'))
      navigate(`/o/contracts/${contract.id}`)
    } catch (error) {
      message.error(errorText(error, tApp('error.generic')))
      await refresh()
    }
  }
  return (
    <Card size="small" title={t('lines.title')} data-testid="quote-panel" extra={(
      <Space wrap>
        <a href={quotePdfUrl(record.id)} target="_blank" rel="noreferrer"><Button size="small" icon={<FilePdfOutlined />}>{t('action.preview')}</Button></a>
        <a href={quotePdfUrl(record.id, { download: true })}><Button size="small" icon={<FilePdfOutlined />} data-testid="quote-pdf">{t('action.pdf')}</Button></a>
        {object.permissions.update && status !== 'accepted' && (
          <Button size="small" type="primary" icon={<SendOutlined />} onClick={() => setSending(true)} data-testid="quote-send">{t('action.send')}</Button>
        )}
        {status === 'accepted' && contracts?.permissions.create && (
          <Button size="small" type="primary" icon={<FileProtectOutlined />} onClick={() => void createContract()} data-testid="quote-contract">{t('action.contract')}</Button>
        )}
      </Space>
    )}>
      <Flex vertical gap={12}>
        {status === 'accepted' && <Alert type="info" showIcon message={t('lines.locked')} />}
        {SENT_TO_CUSTOMER.has(status) && editable && <Alert type="warning" showIcon message={t('lines.newVersion', { version: Number(record.quote_version ?? 1) + 1 })} />}
        <QuoteLineEditor key={`${record.id}:${record.quote_version}`} quote={record} editable={editable} />
        <QuoteVersions quote={record} object={object} />
      </Flex>
      {sending && <SendQuoteDialog quote={record} open={sending} onClose={() => setSending(false)} />}
    </Card>
  )
}
