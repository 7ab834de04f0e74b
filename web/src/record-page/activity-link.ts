import type { ApiRecord } from '../api/records.ts'
import type { ObjectMeta } from '../metadata/types.ts'

/**
 * The values that link a new activity to a record: the activity's relation to the record's object
 * (or the generic related_object/related_id), plus the records this one belongs to when activities
 * can point at them too (a contact's call is also its account's).
 */
export function activityLinkValues(activities: ObjectMeta, object: ObjectMeta, record: ApiRecord): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  const relations = activities.fields.filter((field) => field.type === 'relation' && !field.system && field.target !== '*')
  const direct = relations.find((field) => field.target === object.name)
  if (direct) values[direct.name] = record.id
  else {
    values.related_object = object.name
    values.related_id = record.id
  }
  for (const field of relations) {
    if (values[field.name]) continue
    const parent = object.fields.find((candidate) => candidate.type === 'relation' && candidate.target === field.target && candidate.relationKind !== 'many_to_many' && !candidate.system)
    if (parent && typeof record[parent.name] === 'string') values[field.name] = record[parent.name]
  }
  return values
}
