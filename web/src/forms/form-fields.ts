import type { FieldMeta, ObjectMeta } from '../metadata/types.ts'

/** Fields a person fills in: not system-set, not read-only. */
export const editableFields = (object: ObjectMeta): FieldMeta[] =>
  object.fields.filter((field) => !field.readOnly && field.name !== 'id' && field.type !== 'auto_number' && !(field.system && field.name !== 'owner_id'))
