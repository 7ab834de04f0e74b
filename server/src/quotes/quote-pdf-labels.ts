import type { Locale } from '../i18n/translate.ts'

/** The words printed on a quote PDF, in the reader's language. */
const LABELS = {
  en: {
    title: 'QUOTATION', number: 'Quote no.', date: 'Date', validUntil: 'Valid until', currency: 'Currency', customer: 'Customer',
    contact: 'Contact', preparedBy: 'Prepared by', line: '#', description: 'Product / description', quantity: 'Qty', unit: 'Unit',
    unitPrice: 'Unit price', discount: 'Disc.', amount: 'Amount', subtotal: 'Subtotal', overallDiscount: 'Discount ({percent}%)',
    tax: 'Tax ({percent}%)', total: 'Total', terms: 'Terms and conditions', page: 'Page {page} of {pages}', noLines: 'No items.',
  },
  'zh-CN': {
    title: '报价单', number: '报价单号', date: '报价日期', validUntil: '有效期至', currency: '币种', customer: '客户',
    contact: '联系人', preparedBy: '报价人', line: '序号', description: '产品 / 描述', quantity: '数量', unit: '单位',
    unitPrice: '单价', discount: '折扣', amount: '金额', subtotal: '小计', overallDiscount: '整单折扣（{percent}%）',
    tax: '税额（{percent}%）', total: '总计', terms: '条款与说明', page: '第 {page} 页，共 {pages} 页', noLines: '暂无明细。',
  },
} as const satisfies Record<Locale, Record<string, string>>

export type PdfLabel = keyof (typeof LABELS)['en']

export function pdfLabel(locale: Locale, key: PdfLabel, params: Record<string, string | number> = {}): string {
  return LABELS[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
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
