import type { Locale } from '../i18n/translate.ts'
import type { ApiRecord } from '../records/row-mapping.ts'
import { formatMoney } from './quote-pdf-labels.ts'
import { quoteLabel } from './quote-status.ts'

/** The subject and body of the email a quote goes out with, unless the sender wrote their own. */
export function quoteSendText(locale: Locale, quote: ApiRecord, input: { subject?: string; message?: string }) {
  const label = quoteLabel(quote.number, quote.quote_version)
  const total = quote.total as { amount: string; currency: string } | null
  const amount = total ? formatMoney(total.amount, total.currency) : ''
  const subject = input.subject ?? (locale === 'zh-CN' ? `报价单 ${label}：${quote.name}` : `Quote ${label}: ${quote.name}`)
  const standard = locale === 'zh-CN'
    ? `您好，\n\n附件是报价单 ${label}（${quote.name}），总计 ${amount}，有效期至 ${quote.valid_until ?? '—'}。\n如有任何问题，请随时与我们联系。`
    : `Hello,\n\nPlease find attached quote ${label} (${quote.name}), total ${amount}, valid until ${quote.valid_until ?? '—'}.\nDo not hesitate to contact us with any questions.`
  return { subject, body: input.message ?? standard }
}
