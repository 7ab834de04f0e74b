import { sql, type RawBuilder } from 'kysely'
import { fieldTypes } from './field-types/index.ts'
import type { FieldDefinition } from './object-definition.ts'

/** Names that may be inlined into SQL: checked when a field is declared or created. */
export const SAFE_NAME = /^[a-z][a-z0-9_]{0,62}$/

/**
 * The SQL expression of a field's comparable value. Custom fields read the record's `custom`
 * document with literal keys and an immutable cast, so the same expression can be indexed.
 */
export function fieldExpressionText(field: FieldDefinition): string {
  if (!SAFE_NAME.test(field.name)) throw new Error(`unsafe field name ${field.name}`)
  if (!field.custom) return `"${field.name}"`
  const storage = fieldTypes[field.type].json
  if (storage.array || storage.document || (field.type === 'relation' && field.relationKind === 'many_to_many')) return `(custom -> '${field.name}')`
  const text = storage.key ? `(custom -> '${field.name}' ->> '${storage.key}')` : `(custom ->> '${field.name}')`
  return storage.cast ? `(${text}::${storage.cast})` : text
}

export function fieldExpression(field: FieldDefinition): RawBuilder<unknown> {
  return sql.raw(fieldExpressionText(field))
}

/** Whether values of this field are lists (compared by containment). */
export function isListField(field: FieldDefinition): boolean {
  return field.type === 'multi_select' || (field.type === 'relation' && field.relationKind === 'many_to_many')
}

export function indexKind(field: FieldDefinition): 'btree' | 'gin' | 'none' {
  if (isListField(field)) return 'gin'
  if (field.name === 'id') return 'none'
  return fieldTypes[field.type].index
}
