import { FilePdfOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { List, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiRecord } from '../api/records.ts'
import { useLabel } from '../metadata/labels.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { quoteLabel } from '../../../server/src/quotes/quote-status.ts'
import { formatExactMoney } from './format-exact-money.ts'
import { quotePdfUrl, quotesApi } from './quotes-api.ts'

/** Every version of the quote with its PDF; earlier ones are as the customer received them. */
export function QuoteVersions({ quote, object }: { quote: ApiRecord; object: ObjectMeta }) {
  const { t } = useTranslation('quotes')
  const label = useLabel()
  const { data } = useQuery({ queryKey: ['quote-versions', quote.id, quote.version], queryFn: () => quotesApi.versions(quote.id).then((response) => response.data) })
  const statuses = object.fields.find((field) => field.name === 'status')?.options ?? []
  if (!data || data.length < 2) return null
  return (
    <div data-testid="quote-versions">
      <Typography.Text strong>{t('versions.title')}</Typography.Text>
      <List size="small" dataSource={[...data].reverse()} renderItem={(version) => {
        const status = statuses.find((option) => option.value === version.status)
        return (
          <List.Item actions={[<a key="pdf" href={quotePdfUrl(quote.id, { version: version.quote_version })} target="_blank" rel="noreferrer"><FilePdfOutlined /> {t('action.preview')}</a>]}>
            <span>{quoteLabel(quote.number, version.quote_version)}</span>
            {version.current && <Tag style={{ marginInlineStart: 8 }}>{t('versions.current')}</Tag>}
            {status && <Tag color={status.color}>{label(status.label)}</Tag>}
            <span style={{ marginInlineStart: 'auto', marginInlineEnd: 16 }}>{version.total ? formatExactMoney(version.total.amount, version.total.currency) : ''}</span>
            {version.sent_at && <Typography.Text type="secondary">{t('versions.sentAt', { date: version.sent_at.slice(0, 10) })}</Typography.Text>}
          </List.Item>
        )
      }} />
    </div>
  )
}
