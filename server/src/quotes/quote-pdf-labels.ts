import { translate, type Locale } from '../i18n/translate.ts'

export type PdfLabel = 'title' | 'number' | 'date' | 'validUntil' | 'currency' | 'customer' | 'contact' | 'preparedBy' | 'line' | 'description'
  | 'quantity' | 'unit' | 'unitPrice' | 'discount' | 'amount' | 'subtotal' | 'overallDiscount' | 'tax' | 'total' | 'terms' | 'page' | 'noLines'

/** A word printed on a quote PDF, in the reader's language (the server catalogues' `quote_pdf.*`). */
export function pdfLabel(locale: Locale, key: PdfLabel, params: Record<string, string | number> = {}): string {
  return translate(locale, `quote_pdf.${key}`, params)
}

const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$' }

/** "1234567.5" → "¥1,234,567.50": from the exact text, never through a float. */
export function formatMoney(amount: string | null | undefined, currency: string): string {
  const text = amount ?? '0'
  const negative = text.startsWith('-')
  const [whole, fraction = ''] = text.replace('-', '').split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const symbol = SYMBOLS[currency] ?? `${currency} `
  return `${negative ? '-' : ''}${symbol}${grouped}.${fraction.padEnd(2, '0').slice(0, 2)}`
}

/** 3 → "3", 2.5 → "2.5", never "2.5000". */
export const formatQuantity = (value: unknown) => (value === null || value === undefined ? '' : String(Number(value)))

export const formatPercent = (value: unknown) => (value === null || value === undefined || Number(value) === 0 ? '' : `${Number(value)}%`)
