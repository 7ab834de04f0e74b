import type { Locale } from '../../i18n/translate.ts'
import type { FieldDefinition } from '../object-definition.ts'
import type { OperatorName } from '../../records/filter-operators.ts'

/** Why a value was refused: a catalogue code plus its parameters. */
export interface FieldIssue {
  code: string
  params?: Record<string, string | number>
}

export type Checked<T = unknown> = { ok: true; value: T } | { ok: false; issue: FieldIssue }

export const accept = <T>(value: T): Checked<T> => ({ ok: true, value })
export const refuse = (code: string, params?: FieldIssue['params']): Checked<never> => ({ ok: false, issue: { code, params } })

export interface ColumnSpec {
  name: string
  sqlType: string
}

/** How a value is kept in a custom field's JSON and compared in SQL. */
export interface JsonStorage {
  /** Key inside a composite value holding the comparable scalar (currency: `amount`). */
  key?: string
  /** Cast applied to the JSON text, `''` for text. Must be immutable so it can be indexed. */
  cast: '' | 'numeric' | 'boolean' | 'uuid'
  /** Array values are compared with jsonb containment instead of a scalar. */
  array?: boolean
  /** Object values (address, file) stay jsonb in SQL. */
  document?: boolean
}

/**
 * Everything about one field type, in one place: storage, input checks, filtering and API schema.
 * Adding a type means adding one of these to the registry.
 */
export interface FieldTypeDefinition {
  /** Columns of a declared field; the first holds the comparable value. */
  columns(field: FieldDefinition): ColumnSpec[]
  json: JsonStorage
  index: 'btree' | 'gin' | 'none'
  /** Operators offered in filters, in the order a UI should show them. */
  operators: readonly OperatorName[]
  /** Check and normalise a non-null API value. */
  parse(input: unknown, field: FieldDefinition): Checked
  /** Parse one filter operand given as text in a query string. */
  parseOperand(raw: string, field: FieldDefinition): Checked
  /** Column values → API value; default: the first column as is. */
  fromColumns?(row: Record<string, unknown>, field: FieldDefinition): unknown
  /** API value → column values; default: the first column. */
  toColumns?(value: unknown, field: FieldDefinition): Record<string, unknown>
  /** JSON Schema of the API value (without null). */
  jsonSchema(field: FieldDefinition): Record<string, unknown>
  /** Strings this value adds to the record's search document. */
  searchText?(value: unknown): string[]
  /** The value as a person reads it in `locale` (exports, notifications); defaults to its text. */
  format?(value: unknown, field: FieldDefinition, locale: Locale): string
}

export function singleColumn(sqlType: string) {
  return (field: FieldDefinition): ColumnSpec[] => [{ name: field.name, sqlType }]
}
