import { fieldTypes } from '../metadata/field-types/index.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'
import { isCalendarDate } from '../metadata/field-types/temporal-types.ts'
import type { FieldDefinition } from '../metadata/object-definition.ts'

const DECIMAL = /^-?\d{1,20}(\.\d{1,10})?$/
// PostgreSQL's text form of a timestamptz: 2026-11-22 13:40:39.371+00
const TIMESTAMP_TEXT = /^(\d{4}-\d{2}-\d{2}) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/

/**
 * Whether a sort value taken from a cursor has the shape of the field's SQL value, so a tampered
 * cursor is a 400 and never reaches the database as a bad literal.
 */
export function isValidSortValue(field: FieldDefinition, value: string): boolean {
  const family = field.custom ? fieldTypes[field.type].json.cast || 'text' : fieldTypes[field.type].columns(field)[0].sqlType
  if (family.startsWith('numeric') || family === 'smallint' || family === 'bigint' || family === 'integer') return DECIMAL.test(value)
  if (family === 'date') return isCalendarDate(value)
  if (family === 'timestamptz') {
    const match = TIMESTAMP_TEXT.exec(value)
    return Boolean(match && isCalendarDate(match[1]))
  }
  if (family === 'boolean') return value === 'true' || value === 'false'
  if (family === 'uuid') return isUuid(value)
  return value.length <= 10_000
}
