import { accept, refuse, singleColumn, type FieldTypeDefinition } from './field-type.ts'
import { formatCalendarDate, formatDateTime } from './date-text.ts'

const DATE_OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'relative', 'is_empty', 'is_not_empty'] as const

export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3])
}

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/

/** ISO 8601 with an explicit offset → canonical UTC text, which also sorts correctly as text. */
export function parseDateTime(text: string): string | undefined {
  if (!ISO_DATETIME.test(text)) return undefined
  const date = new Date(text)
  if (Number.isNaN(date.getTime()) || !isCalendarDate(text.slice(0, 10))) return undefined
  if (date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) return undefined
  return date.toISOString()
}

export const dateField: FieldTypeDefinition = {
  columns: singleColumn('date'),
  json: { cast: '' },
  index: 'btree',
  operators: DATE_OPERATORS,
  parse: (input) => (typeof input === 'string' && isCalendarDate(input) ? accept(input) : refuse('invalid_date')),
  parseOperand: (raw) => (isCalendarDate(raw) ? accept(raw) : refuse('invalid_date')),
  jsonSchema: () => ({ type: 'string', format: 'date' }),
  format: (value, _field, locale) => formatCalendarDate(locale, String(value)),
}

export const dateTimeField: FieldTypeDefinition = {
  columns: singleColumn('timestamptz'),
  json: { cast: '' },
  index: 'btree',
  operators: DATE_OPERATORS,
  parse(input) {
    const value = typeof input === 'string' ? parseDateTime(input) : undefined
    return value ? accept(value) : refuse('invalid_datetime')
  },
  parseOperand(raw) {
    const value = isCalendarDate(raw) ? `${raw}T00:00:00.000Z` : parseDateTime(raw)
    return value ? accept(value) : refuse('invalid_datetime')
  },
  jsonSchema: () => ({ type: 'string', format: 'date-time' }),
  // Shown in China time: the workspace time zone setting will replace this default. Exports pass epoch ms
  // (records read for display); custom fields keep ISO text in their JSON.
  format: (value, _field, locale) => formatDateTime(locale, 'Asia/Shanghai', typeof value === 'number' ? value : Date.parse(String(value))),
}
