import { label, type FieldDefinition, type ObjectDefinition } from './object-definition.ts'

/** Fields every record has, kept in columns of every record table. */
export function systemFields(object: ObjectDefinition): FieldDefinition[] {
  const fields: FieldDefinition[] = [
    { name: 'id', type: 'relation', target: object.name, label: label('ID', 'ID'), readOnly: true, system: true, notNull: true },
  ]
  if (object.owned) fields.push({ name: 'owner_id', type: 'user', label: label('Owner', '负责人'), system: true })
  fields.push(
    { name: 'created_at', type: 'datetime', label: label('Created', '创建时间'), readOnly: true, system: true, notNull: true },
    { name: 'updated_at', type: 'datetime', label: label('Updated', '更新时间'), readOnly: true, system: true, notNull: true },
    { name: 'created_by', type: 'user', label: label('Created by', '创建人'), readOnly: true, system: true },
    { name: 'updated_by', type: 'user', label: label('Updated by', '修改人'), readOnly: true, system: true },
  )
  return fields
}

/** Names a custom field may not take. */
export const RESERVED_FIELD_NAMES = new Set([
  'id', 'workspace_id', 'owner_id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'deleted_at',
  'version', 'custom', 'search_text', 'search_tokens', 'object', 'password_hash', 'password',
])
