import { sql } from 'kysely'
import { assertCan } from '../access/record-access.ts'
import { AppError, type FieldError } from '../errors/app-error.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'
import { fieldExpression } from '../metadata/field-sql.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import type { FieldDefinition } from '../metadata/object-definition.ts'
import type { RecordContext } from '../records/record-context.ts'
import { scopedSelect } from '../records/scoped-query.ts'
import { updateRecords } from '../records/write-pipeline.ts'

export const MAX_BULK_TAG_RECORDS = 1000
const MAX_TAGS = 100

/** The object's tags field: `tags`, or (custom objects) the first list relation to tags. */
export function tagsFieldOf(object: ObjectSchema, name?: string): FieldDefinition | undefined {
  const isTags = (field: FieldDefinition) => field.type === 'relation' && field.relationKind === 'many_to_many' && field.target === 'tags'
  if (name !== undefined) return [object.field(name)].find((field) => field && isTags(field))
  return object.field('tags') && isTags(object.field('tags')!) ? object.field('tags') : object.allFields.find(isTags)
}

function idList(value: unknown, path: string, max: number, errors: FieldError[]): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) errors.push({ field: path, code: 'expected_list' })
  else if (value.length > max) errors.push({ field: path, code: 'too_many_items', params: { max } })
  else if (!value.every(isUuid)) errors.push({ field: path, code: 'invalid_id' })
  else return [...new Set(value.map((id: string) => id.toLowerCase()))]
  return []
}

/**
 * Adds (and removes) tags on many records at once, keeping every tag a record already has:
 * the current lists are read under lock and the union written through the write pipeline, all or none.
 */
export async function bulkTag(ctx: RecordContext, object: ObjectSchema, body: unknown) {
  assertCan(ctx.actor, object, 'update')
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'expected_object' }])
  const input = body as Record<string, unknown>
  const errors: FieldError[] = []
  const field = tagsFieldOf(object, typeof input.field === 'string' ? input.field : undefined)
  if (!field) errors.push({ field: 'field', code: 'unknown_field' })
  const ids = idList(input.ids, 'ids', MAX_BULK_TAG_RECORDS, errors)
  const add = idList(input.add, 'add', MAX_TAGS, errors)
  const remove = new Set(idList(input.remove, 'remove', MAX_TAGS, errors))
  if (input.ids === undefined || (ids.length === 0 && errors.length === 0)) errors.push({ field: 'ids', code: 'required' })
  if (add.length === 0 && remove.size === 0 && errors.length === 0) errors.push({ field: 'add', code: 'required' })
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await scopedSelect(ctx, object, { db: trx, write: true })
      .select(['id', sql<unknown>`${fieldExpression(field!)}`.as('current')])
      .where(sql<boolean>`id = any(${ids}::uuid[])`).forUpdate().execute()
    const found = new Map(rows.map((row) => [row.id as string, row.current]))
    const missing = ids.findIndex((id) => !found.has(id))
    if (missing >= 0) throw new AppError('VALIDATION_FAILED', [{ field: `ids[${missing}]`, code: 'not_found' }])
    // Tags deleted since they were applied are dropped rather than refused.
    const held = [...new Set(rows.flatMap((row) => (Array.isArray(row.current) ? (row.current as string[]) : [])))]
    const tagsObject = ctx.catalog.get('tags')
    const live = new Set(held.length === 0 ? [] : (await scopedSelect(ctx, tagsObject, { db: trx }).select('id').where(sql<boolean>`id = any(${held}::uuid[])`).execute()).map((row) => row.id as string))
    const updates = ids.map((id, index) => {
      const current = ((Array.isArray(found.get(id)) ? found.get(id) : []) as string[]).filter((tag) => live.has(tag))
      const next = [...new Set([...current, ...add])].filter((tag) => !remove.has(tag))
      return { id, input: { [field!.name]: next }, prefix: `ids[${index}].` }
    })
    const updated = await updateRecords({ ...ctx, db: trx }, object, updates, { trx })
    return { updated: updated.length, field: field!.name }
  })
}
