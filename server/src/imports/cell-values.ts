import type { FieldDefinition, FieldType } from '../metadata/object-definition.ts'

/** What one cell means for a field: a value in the API's shape, or names to look up as record ids. */
export type CellInput = { value: unknown } | { lookup: string[] }

type CellConverter = (cell: string, field: FieldDefinition) => CellInput

const LIST_SEPARATOR = /[,;，；、|\n]+/
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是', '对', '√', '✓', 'x'])
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否', '不', '×', '✗', ''])

const asText: CellConverter = (cell) => ({ value: cell })
const decimalText = (cell: string) => cell.replace(/^[¥￥$€£]|[,，\s]/g, '').replace(/%$/, '')
const asDecimal: CellConverter = (cell) => ({ value: decimalText(cell) })
const splitList = (cell: string) => cell.split(LIST_SEPARATOR).map((part) => part.trim()).filter(Boolean)

function matchOption(field: FieldDefinition, text: string): string {
  const lower = text.toLowerCase()
  const option = field.options?.find((o) => o.value.toLowerCase() === lower || o.label.en.toLowerCase() === lower || o.label['zh-CN'] === text)
  return option?.value ?? text
}

/** 2024/1/5, 2024.1.5, 2024年1月5日 → 2024-01-05; anything else is left for the field type to refuse. */
function calendarDate(text: string): string {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text)
  return match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : text
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function reference(cell: string, field: FieldDefinition): CellInput {
  const many = field.relationKind === 'many_to_many'
  const parts = many ? splitList(cell) : [cell.trim()]
  if (parts.every((part) => UUID.test(part))) return { value: many ? parts : parts[0] }
  return { lookup: parts }
}

/** One converter per field type, so the compiler names a type left out. */
const converters: Record<FieldType, CellConverter> = {
  text: asText,
  long_text: asText,
  rich_text: asText,
  email: asText,
  phone: asText,
  url: asText,
  number: asDecimal,
  percent: asDecimal,
  currency: (cell) => {
    const coded = /^([A-Za-z]{3})\s*(.+)$/.exec(cell.trim())
    if (coded) return { value: { amount: decimalText(coded[2]), currency: coded[1].toUpperCase() } }
    return { value: decimalText(cell) }
  },
  rating: (cell) => ({ value: /^\d+$/.test(cell) ? Number(cell) : cell.length > 0 && /^[★☆]+$/.test(cell) ? [...cell].filter((c) => c === '★').length : cell }),
  auto_number: asText,
  date: (cell) => ({ value: calendarDate(cell.trim()) }),
  datetime: (cell) => {
    const match = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(cell.trim())
    if (!match) return { value: cell.includes('T') ? cell : calendarDate(cell) === cell ? cell : `${calendarDate(cell)}T00:00:00Z` }
    // A time without a zone is read as China Standard Time, which is how Chinese spreadsheets mean it.
    return { value: `${calendarDate(match[1])}T${match[2].padStart(2, '0')}:${match[3]}:${match[4] ?? '00'}+08:00` }
  },
  boolean: (cell) => {
    const lower = cell.trim().toLowerCase()
    return { value: TRUE_WORDS.has(lower) ? true : FALSE_WORDS.has(lower) ? false : cell }
  },
  single_select: (cell, field) => ({ value: matchOption(field, cell.trim()) }),
  multi_select: (cell, field) => ({ value: splitList(cell).map((part) => matchOption(field, part)) }),
  relation: reference,
  user: reference,
  address: (cell) => ({ value: { street: cell } }),
  file: (cell) => ({ value: cell }),
}

export function cellToInput(field: FieldDefinition, cell: string): CellInput {
  if (cell.trim() === '') return { value: null }
  return converters[field.type](cell, field)
}

/** Field types a file column can fill. */
export function isImportable(field: FieldDefinition): boolean {
  return !field.readOnly && field.type !== 'file' && field.type !== 'auto_number'
}
