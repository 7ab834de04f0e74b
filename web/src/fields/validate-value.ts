import { isEmptyValue } from './is-empty-value.ts'
import { fieldTypes } from '../../../server/src/metadata/field-types/index.ts'
import { translate, type Locale } from '../../../server/src/i18n/translate.ts'
import type { FieldMeta } from '../metadata/types.ts'


/**
 * The server's own check of a value (the same field-type code), with the server's message:
 * what the form says before sending is what the API would answer.
 */
export function validateValue(field: FieldMeta, value: unknown, locale: Locale): string | undefined {
  if (isEmptyValue(value)) return field.required ? translate(locale, 'field.required') : undefined
  const checked = fieldTypes[field.type].parse(value, field)
  if (checked.ok) return undefined
  const key = `field.${checked.issue.code}`
  return translate(locale, key as never, checked.issue.params)
}

/** A form value in the shape the API takes (empty → null). */
export function toApiValue(value: unknown): unknown {
  return isEmptyValue(value) ? null : value
}
