import type { FieldDefinition } from '../object-definition.ts'
import { accept, refuse, singleColumn, type FieldTypeDefinition } from './field-type.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value)

const isManyToMany = (field: FieldDefinition) => field.relationKind === 'many_to_many'

/** A link to another record; existence in the workspace is checked by the write pipeline. */
export const relationField: FieldTypeDefinition = {
  columns: (field) => [{ name: field.name, sqlType: isManyToMany(field) ? 'uuid[]' : 'uuid' }],
  json: { cast: 'uuid' },
  index: 'btree',
  operators: ['eq', 'neq', 'in', 'is_empty', 'is_not_empty', 'has_any', 'has_all'],
  parse(input, field) {
    if (!isManyToMany(field)) return isUuid(input) ? accept(input.toLowerCase()) : refuse('invalid_id')
    if (!Array.isArray(input)) return refuse('expected_list')
    if (!input.every(isUuid)) return refuse('invalid_id')
    if (input.length > 1000) return refuse('too_many_items', { max: 1000 })
    return accept([...new Set(input.map((id: string) => id.toLowerCase()))])
  },
  parseOperand: (raw) => (isUuid(raw) ? accept(raw.toLowerCase()) : refuse('invalid_id')),
  jsonSchema: (field) =>
    isManyToMany(field) ? { type: 'array', items: { type: 'string', format: 'uuid' } } : { type: 'string', format: 'uuid' },
}

export const userField: FieldTypeDefinition = {
  ...relationField,
  columns: singleColumn('uuid'),
  operators: ['eq', 'neq', 'in', 'is_empty', 'is_not_empty'],
  parse: (input) => (isUuid(input) ? accept(input.toLowerCase()) : refuse('invalid_id')),
  jsonSchema: () => ({ type: 'string', format: 'uuid' }),
}

/** A reference to a stored file: its name, where to fetch it, size and type. */
export const fileField: FieldTypeDefinition = {
  columns: singleColumn('jsonb'),
  json: { cast: '', document: true },
  index: 'none',
  operators: ['is_empty', 'is_not_empty'],
  parse(input) {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return refuse('expected_object')
    const file = input as Record<string, unknown>
    if (typeof file.name !== 'string' || file.name.length === 0 || file.name.length > 255) return refuse('invalid_file')
    if (typeof file.url !== 'string' || file.url.length > 2048) return refuse('invalid_file')
    if (file.size !== undefined && (typeof file.size !== 'number' || file.size < 0)) return refuse('invalid_file')
    if (file.contentType !== undefined && typeof file.contentType !== 'string') return refuse('invalid_file')
    return accept({ name: file.name, url: file.url, size: file.size ?? null, contentType: file.contentType ?? null })
  },
  parseOperand: () => refuse('operator_not_supported'),
  jsonSchema: () => ({
    type: 'object',
    required: ['name', 'url'],
    properties: { name: { type: 'string' }, url: { type: 'string' }, size: { type: 'integer' }, contentType: { type: 'string' } },
  }),
  searchText: (value) => [String((value as { name: string }).name)],
  format: (value) => String((value as { name: string }).name),
}

export const ADDRESS_PARTS = ['country', 'province', 'city', 'district', 'street', 'postcode'] as const

/** A postal address; its parts are searchable. */
export const addressField: FieldTypeDefinition = {
  columns: singleColumn('jsonb'),
  json: { cast: '', document: true },
  index: 'none',
  operators: ['contains', 'is_empty', 'is_not_empty'],
  parse(input) {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return refuse('expected_object')
    const address: Record<string, string> = {}
    for (const [key, value] of Object.entries(input)) {
      if (!(ADDRESS_PARTS as readonly string[]).includes(key)) return refuse('unknown_key', { key })
      if (value === null || value === '') continue
      if (typeof value !== 'string') return refuse('expected_text')
      if (value.length > 200) return refuse('too_long', { max: 200 })
      address[key] = value.trim()
    }
    return accept(address)
  },
  parseOperand: (raw) => accept(raw),
  jsonSchema: () => ({
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(ADDRESS_PARTS.map((part) => [part, { type: 'string', maxLength: 200 }])),
  }),
  searchText: (value) => Object.values(value as Record<string, string>).filter(Boolean),
  // Chinese addresses read from the largest unit down, with no separators; others smallest first.
  format(value, _field, locale) {
    const address = value as Record<string, string>
    const parts = (locale === 'zh-CN' ? ADDRESS_PARTS : [...ADDRESS_PARTS].reverse()).map((part) => address[part]).filter(Boolean)
    return parts.join(locale === 'zh-CN' ? '' : ', ')
  },
}
