import type { FieldDefinition } from '../object-definition.ts'
import { accept, refuse, singleColumn, type Checked, type FieldTypeDefinition } from './field-type.ts'
import { numberFormat } from './intl-formats.ts'

const NUMBER_OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'is_empty', 'is_not_empty'] as const
const MAX_ABS = 1e15

/** A decimal as exact text ("-12.5"), refusing more digits after the point than `scale`. */
export function checkDecimal(input: unknown, scale: number, field: FieldDefinition): Checked<string> {
  let text: string
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return refuse('expected_number')
    text = String(input)
    if (/e/i.test(text)) return refuse('out_of_range', { min: -MAX_ABS, max: MAX_ABS })
  } else if (typeof input === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(input)) {
    text = input.trim()
  } else {
    return refuse('expected_number')
  }
  const [whole, fraction = ''] = text.replace('-', '').split('.')
  if (fraction.length > scale) return refuse('too_many_decimals', { scale })
  if (whole.replace(/^0+/, '').length > 15) return refuse('out_of_range', { min: -MAX_ABS, max: MAX_ABS })
  const numeric = Number(text)
  if (field.min !== undefined && numeric < field.min) return refuse('too_small', { min: field.min })
  if (field.max !== undefined && numeric > field.max) return refuse('too_large', { max: field.max })
  return accept(text)
}

/** "12.5" → "12.50": exact, no floating point on the way. */
export function padDecimal(text: string, scale: number): string {
  const negative = text.startsWith('-')
  const [whole, fraction = ''] = text.replace('-', '').split('.')
  const digits = whole.replace(/^0+(?=\d)/, '')
  const padded = scale > 0 ? `${digits}.${fraction.padEnd(scale, '0')}` : digits
  return negative && /[1-9]/.test(padded) ? `-${padded}` : padded
}

function numberType(defaultScale: number, suffix = ''): FieldTypeDefinition {
  const scaleOf = (field: FieldDefinition) => field.scale ?? defaultScale
  return {
    columns: (field) => [{ name: field.name, sqlType: `numeric(20, ${scaleOf(field)})` }],
    json: { cast: 'numeric' },
    index: 'btree',
    operators: NUMBER_OPERATORS,
    parse(input, field) {
      const decimal = checkDecimal(input, scaleOf(field), field)
      return decimal.ok ? accept(Number(decimal.value)) : decimal
    },
    parseOperand(raw, field) {
      const decimal = checkDecimal(raw, 10, { ...field, min: undefined, max: undefined })
      return decimal.ok ? accept(decimal.value) : decimal
    },
    fromColumns: (row, field) => (row[field.name] == null ? null : Number(row[field.name])),
    format: (value, field, locale) => numberFormat(locale, { maximumFractionDigits: scaleOf(field) }).format(Number(value)) + suffix,
    jsonSchema: (field) => ({ type: 'number', ...(field.min !== undefined && { minimum: field.min }), ...(field.max !== undefined && { maximum: field.max }) }),
  }
}

export const numberField = numberType(4)
export const percentField = numberType(2, '%')

export const ratingField: FieldTypeDefinition = {
  columns: singleColumn('smallint'),
  json: { cast: 'numeric' },
  index: 'btree',
  operators: NUMBER_OPERATORS,
  parse(input, field) {
    const max = field.max ?? 5
    if (typeof input !== 'number' || !Number.isInteger(input)) return refuse('expected_integer')
    if (input < 0 || input > max) return refuse('out_of_range', { min: 0, max })
    return accept(input)
  },
  parseOperand: (raw) => (/^\d{1,3}$/.test(raw) ? accept(Number(raw)) : refuse('expected_integer')),
  jsonSchema: (field) => ({ type: 'integer', minimum: 0, maximum: field.max ?? 5 }),
  format: (value, field) => '★'.repeat(Number(value)) + '☆'.repeat(Math.max(0, (field.max ?? 5) - Number(value))),
}

/** Assigned by the server from a per-workspace counter; read-only to clients. */
export const autoNumberField: FieldTypeDefinition = {
  columns: singleColumn('bigint'),
  json: { cast: 'numeric' },
  index: 'btree',
  operators: ['eq', 'gt', 'gte', 'lt', 'lte', 'between', 'in'],
  parse: () => refuse('read_only'),
  parseOperand: (raw) => (/^\d{1,15}$/.test(raw) ? accept(Number(raw)) : refuse('expected_integer')),
  jsonSchema: () => ({ type: 'integer', readOnly: true }),
  searchText: (value) => [String(value)],
}

export const CURRENCY_CODES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'SGD', 'TWD', 'KRW', 'AUD', 'CAD'] as const
export const DEFAULT_CURRENCY = 'CNY'

/** Money: `{ amount: "1234.50", currency: "CNY" }`, amount exact to 2 decimals. */
export const currencyField: FieldTypeDefinition = {
  columns: (field) => [
    { name: field.name, sqlType: 'numeric(20, 2)' },
    { name: `${field.name}_currency`, sqlType: 'text' },
  ],
  json: { cast: 'numeric', key: 'amount' },
  index: 'btree',
  operators: NUMBER_OPERATORS,
  parse(input, field) {
    const money = typeof input === 'object' && input !== null && !Array.isArray(input)
      ? (input as { amount?: unknown; currency?: unknown })
      : { amount: input, currency: DEFAULT_CURRENCY }
    const extra = Object.keys(money).filter((key) => key !== 'amount' && key !== 'currency')
    if (extra.length > 0) return refuse('unknown_key', { key: extra[0] })
    const amount = checkDecimal(money.amount, 2, field)
    if (!amount.ok) return amount
    const currency = money.currency ?? DEFAULT_CURRENCY
    if (typeof currency !== 'string' || !(CURRENCY_CODES as readonly string[]).includes(currency)) {
      return refuse('invalid_currency', { allowed: CURRENCY_CODES.join(', ') })
    }
    return accept({ amount: padDecimal(amount.value, 2), currency })
  },
  parseOperand(raw, field) {
    const decimal = checkDecimal(raw, 2, { ...field, min: undefined, max: undefined })
    return decimal.ok ? accept(decimal.value) : decimal
  },
  format(value, _field, locale) {
    const money = value as { amount: string; currency: string }
    // ¥ and $ as people write them; other dollars and yen keep their prefix (HK$, JP¥) so they are not mistaken.
    const currencyDisplay = money.currency === 'CNY' || money.currency === 'USD' ? 'narrowSymbol' : 'symbol'
    return numberFormat(locale, { style: 'currency', currency: money.currency, currencyDisplay }).format(Number(money.amount))
  },
  fromColumns(row, field) {
    const amount = row[field.name]
    return amount == null ? null : { amount: String(amount), currency: row[`${field.name}_currency`] ?? DEFAULT_CURRENCY }
  },
  toColumns(value, field) {
    const money = value as { amount: string; currency: string } | null
    return { [field.name]: money?.amount ?? null, [`${field.name}_currency`]: money?.currency ?? null }
  },
  jsonSchema: () => ({
    type: 'object',
    required: ['amount'],
    additionalProperties: false,
    properties: {
      amount: { type: 'string', pattern: '^-?\\d+(\\.\\d{1,2})?$', description: 'Exact decimal amount' },
      currency: { type: 'string', enum: [...CURRENCY_CODES], default: DEFAULT_CURRENCY },
    },
  }),
}
