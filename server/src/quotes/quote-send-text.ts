import { translate, type Locale } from '../i18n/translate.ts'
import type { ApiRecord } from '../records/row-mapping.ts'
import { formatMoney } from './quote-pdf-labels.ts'
import { quoteLabel } from './quote-status.ts'

/** The subject and body of the email a quote goes out with, unless the sender wrote their own. */
export function quoteSendText(locale: Locale, quote: ApiRecord, input: { subject?: string; message?: string }) {
  const label = quoteLabel(quote.number, quote.quote_version)
  const total = quote.total as { amount: string; currency: string } | null
  const amount = total ? formatMoney(total.amount, total.currency) : ''
  const params = { label, name: String(quote.name), amount, validUntil: String(quote.valid_until ?? '—') }
  return { subject: input.subject ?? translate(locale, 'quote_mail.subject', params), body: input.message ?? translate(locale, 'quote_mail.body', params) }
}
