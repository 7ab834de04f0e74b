import type { FieldMeta, ObjectMeta } from '../metadata/types.ts'

/** An object that points at this one, and the field it points with (an account's contacts: contacts.account_id). */
export interface Relationship {
  object: ObjectMeta
  field: FieldMeta
}

/** Every readable object with a relation field targeting `object`: the related lists of its record page. */
export function relationshipsTo(objects: ObjectMeta[], object: ObjectMeta): Relationship[] {
  return objects.flatMap((other) =>
    other.permissions.read
      ? other.fields.filter((field) => field.type === 'relation' && field.target === object.name && !field.system).map((field) => ({ object: other, field }))
      : [],
  )
}

/** A choice field whose options include won and lost: the object is a sales pipeline. */
export const pipelineStage = (object: ObjectMeta): FieldMeta | undefined =>
  object.fields.find((field) => field.type === 'single_select' && ['won', 'lost'].every((value) => field.options?.some((option) => option.value === value)))

export const currencyFieldOf = (object: ObjectMeta): FieldMeta | undefined => object.fields.find((field) => field.type === 'currency')

const KEY_TYPES: FieldMeta['type'][] = ['relation', 'currency', 'single_select', 'phone', 'email', 'date']

/** Three or four fields worth a place in the header: one of each telling type, in that order. */
export function keyFields(object: ObjectMeta): FieldMeta[] {
  const candidates = object.fields.filter((field) => !field.system && field.name !== object.titleField && field.target !== '*')
  return KEY_TYPES.flatMap((type) => candidates.filter((field) => field.type === type).slice(0, 1)).slice(0, 4)
}
