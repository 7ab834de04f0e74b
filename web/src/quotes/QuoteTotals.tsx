import { Descriptions, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatExactMoney } from './format-exact-money.ts'
import type { QuoteTotals as Totals } from '../../../server/src/quotes/quote-arithmetic.ts'

/** Subtotal, discount, tax and total, as the PDF prints them. */
export function QuoteTotals({ totals, currency, discount, tax }: { totals: Totals; currency: string; discount: unknown; tax: unknown }) {
  const { t } = useTranslation('quotes')
  const items = [
    { key: 'subtotal', label: t('totals.subtotal'), children: formatExactMoney(totals.subtotal, currency) },
    ...(Number(discount) > 0 ? [{ key: 'discount', label: t('totals.discount', { percent: Number(discount) }), children: `-${formatExactMoney(totals.discount_total, currency)}` }] : []),
    { key: 'tax', label: t('totals.tax', { percent: Number(tax ?? 0) }), children: formatExactMoney(totals.tax_total, currency) },
    { key: 'total', label: <Typography.Text strong>{t('totals.total')}</Typography.Text>, children: <Typography.Text strong data-testid="quote-total">{formatExactMoney(totals.total, currency)}</Typography.Text> },
  ]
  return (
    <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-end' }}>
      <Descriptions size="small" column={1} items={items} style={{ maxWidth: 360 }} labelStyle={{ justifyContent: 'flex-end', width: 200 }} contentStyle={{ justifyContent: 'flex-end' }} />
      <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 480, textAlign: 'end' }}>{t('totals.rule')}</Typography.Text>
    </div>
  )
}
