import type { Locale } from '../../i18n/translate.ts'
import type { FieldDefinition } from '../object-definition.ts'
import { fieldTypes } from './index.ts'

/** A field value as text for a person: empty values are an empty string. */
export function formatFieldValue(value: unknown, field: FieldDefinition, locale: Locale): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return ''
  const format = fieldTypes[field.type].format
  if (format) return format(value, field, locale)
  return Array.isArray(value) ? value.join(', ') : String(value)
}
