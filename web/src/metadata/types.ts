import type { FieldDefinition, FieldType, Label, SelectOption } from '../../../server/src/metadata/object-definition.ts'

export type { FieldType, Label, SelectOption }

/** A field as GET /api/metadata/objects describes it: a FieldDefinition plus what a client may do with it. */
export interface FieldMeta extends FieldDefinition {
  required: boolean
  readOnly: boolean
  system: boolean
  custom: boolean
  operators: string[]
  sortable: boolean
}

export interface ObjectPermissions {
  create: boolean
  read: boolean
  update: boolean
  delete: boolean
  export: boolean
}

export interface ObjectMeta {
  name: string
  singular: string
  label: Label
  pluralLabel: Label
  titleField: string
  owned: boolean
  custom: boolean
  defaultSort: string
  /** How the server finds likely duplicates (empty: it does not). */
  duplicateRules?: { kind: 'email' | 'phone' | 'name'; field: string; company?: string }[]
  fields: FieldMeta[]
  permissions: ObjectPermissions
}
