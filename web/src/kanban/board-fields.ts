import type { FieldMeta, ObjectMeta } from '../metadata/types.ts'

/** The fields a board can be grouped by: single choices, in declaration order. */
export const boardableFields = (object: ObjectMeta): FieldMeta[] => object.fields.filter((field) => field.type === 'single_select' && !field.readOnly)

const DEFAULT_BOARD_FIELD: Record<string, string> = { opportunities: 'stage', leads: 'status' }

/** `?by=` when it names a boardable field, else the object's usual pipeline, else its first choice field. */
export function boardField(object: ObjectMeta, by: string | null): FieldMeta | undefined {
  const fields = boardableFields(object)
  return fields.find((field) => field.name === by) ?? fields.find((field) => field.name === DEFAULT_BOARD_FIELD[object.name]) ?? fields[0]
}

/** The money a column totals and a card shows: the object's first currency field. */
export const amountField = (object: ObjectMeta): FieldMeta | undefined => object.fields.find((field) => field.type === 'currency')

/** Names shown on a card: the owner and the records it belongs to (one-to-many relations). */
export const cardLinkFields = (object: ObjectMeta): FieldMeta[] =>
  object.fields.filter((field) => (field.name === 'owner_id' || (field.type === 'relation' && !field.system && field.relationKind !== 'many_to_many' && field.target !== '*'))).slice(0, 3)

/** The column of records with no value in the board field. */
export const NO_VALUE = '__none__'
