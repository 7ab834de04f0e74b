import { fieldTypes } from '../metadata/field-types/index.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import type { FieldDefinition } from '../metadata/object-definition.ts'

const SYSTEM_COLUMNS = ['id', 'owner_id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'deleted_at', 'version', 'custom']
const columnCache = new WeakMap<ObjectSchema, string[]>()

/** The columns a record's API form is read from: never the search document, nor private columns. */
export function recordColumns(object: ObjectSchema): string[] {
  let columns = columnCache.get(object)
  if (!columns) {
    const declared = object.fields.flatMap((field) => (field.custom ? [] : fieldTypes[field.type].columns(field).map((column) => column.name)))
    columns = [...SYSTEM_COLUMNS, ...declared]
    columnCache.set(object, columns)
  }
  return columns
}

/** The columns that hold `fields`, plus the key: what a record shown to a person needs. */
export function narrowColumns(fields: FieldDefinition[]): string[] {
  const columns = new Set(['id'])
  for (const field of fields) {
    if (field.custom) columns.add('custom')
    else for (const column of fieldTypes[field.type].columns(field)) columns.add(column.name)
  }
  return [...columns]
}

export type ApiRecord = Record<string, unknown> & { id: string; version: number }

/** The stored value of one field in API form; instants as ISO text, or as epoch milliseconds with `instantsAsMs`. */
export function fieldValue(row: Record<string, unknown>, field: FieldDefinition, instantsAsMs = false): unknown {
  if (field.custom) return (row.custom as Record<string, unknown> | null)?.[field.name] ?? null
  const fromColumns = fieldTypes[field.type].fromColumns
  const value = fromColumns ? fromColumns(row, field) : row[field.name]
  return value instanceof Date ? (instantsAsMs ? value.getTime() : value.toISOString()) : (value ?? null)
}

/** A table row → the API record, limited to `fields` when given (id always comes; version when it was read). */
export function rowToRecord(object: ObjectSchema, row: Record<string, unknown>, fields?: FieldDefinition[], instantsAsMs = false): ApiRecord {
  const record: Record<string, unknown> = { id: row.id }
  for (const field of fields ?? object.allFields) record[field.name] = fieldValue(row, field, instantsAsMs)
  record.version = row.version
  if (row.deleted_at) record.deleted_at = (row.deleted_at as Date).toISOString()
  return record as ApiRecord
}

/**
 * API values → the columns to write, and the custom-field values to merge into `custom`. JSON columns
 * (address, file) come as JSON text for a bound parameter, or as objects with `jsonAsText: false`.
 */
export function valuesToColumns(object: ObjectSchema, values: Record<string, unknown>, { jsonAsText = true } = {}) {
  const columns: Record<string, unknown> = {}
  const custom: Record<string, unknown> = {}
  for (const name in values) {
    const field = Object.hasOwn(values, name) ? object.field(name) : undefined
    if (!field) continue
    const value = values[name]
    if (field.custom) {
      custom[name] = value
      continue
    }
    const toColumns = fieldTypes[field.type].toColumns
    if (toColumns) Object.assign(columns, toColumns(value, field))
    else columns[name] = jsonAsText && isJsonColumn(field) && value !== null ? JSON.stringify(value) : value
  }
  return { columns, custom }
}

const isJsonColumn = (field: FieldDefinition) => field.type === 'address' || field.type === 'file'
