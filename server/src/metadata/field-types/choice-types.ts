import { translate } from '../../i18n/translate.ts'
import type { FieldDefinition } from '../object-definition.ts'
import { accept, refuse, singleColumn, type FieldTypeDefinition } from './field-type.ts'

const optionValues = (field: FieldDefinition) => (field.options ?? []).map((option) => option.value)
const optionLabel = (field: FieldDefinition, value: unknown, locale: 'en' | 'zh-CN') =>
  field.options?.find((option) => option.value === value)?.label[locale] ?? String(value)

export const booleanField: FieldTypeDefinition = {
  columns: singleColumn('boolean'),
  json: { cast: 'boolean' },
  index: 'btree',
  operators: ['eq', 'is_empty', 'is_not_empty'],
  parse: (input) => (typeof input === 'boolean' ? accept(input) : refuse('expected_boolean')),
  parseOperand: (raw) => (raw === 'true' || raw === 'false' ? accept(raw === 'true') : refuse('expected_boolean')),
  jsonSchema: () => ({ type: 'boolean' }),
  format: (value, _field, locale) => translate(locale, value ? 'value.yes' : 'value.no'),
}

export const singleSelectField: FieldTypeDefinition = {
  columns: singleColumn('text'),
  json: { cast: '' },
  index: 'btree',
  operators: ['eq', 'neq', 'in', 'nin', 'is_empty', 'is_not_empty'],
  parse(input, field) {
    if (typeof input !== 'string' || !optionValues(field).includes(input)) {
      return refuse('invalid_option', { allowed: optionValues(field).join(', ') })
    }
    return accept(input)
  },
  parseOperand(raw, field) {
    return optionValues(field).includes(raw) ? accept(raw) : refuse('invalid_option', { allowed: optionValues(field).join(', ') })
  },
  jsonSchema: (field) => ({ type: 'string', enum: optionValues(field) }),
  format: (value, field, locale) => optionLabel(field, value, locale),
}

export const multiSelectField: FieldTypeDefinition = {
  columns: singleColumn('text[]'),
  json: { cast: '', array: true },
  index: 'gin',
  operators: ['has_any', 'has_all', 'is_empty', 'is_not_empty'],
  parse(input, field) {
    if (!Array.isArray(input)) return refuse('expected_list')
    const allowed = optionValues(field)
    const invalid = input.find((item) => typeof item !== 'string' || !allowed.includes(item))
    if (invalid !== undefined) return refuse('invalid_option', { allowed: allowed.join(', ') })
    return accept([...new Set(input as string[])])
  },
  parseOperand: singleSelectField.parseOperand,
  jsonSchema: (field) => ({ type: 'array', uniqueItems: true, items: { type: 'string', enum: optionValues(field) } }),
  format: (value, field, locale) => (value as string[]).map((item) => optionLabel(field, item, locale)).join(locale === 'zh-CN' ? '、' : ', '),
}
