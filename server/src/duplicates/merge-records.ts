import { v7 as uuidv7 } from 'uuid'
import { assertCan } from '../access/record-access.ts'
import { writeAudit } from '../audit/audit-log.ts'
import type { Db } from '../db/database.ts'
import { AppError, type FieldError } from '../errors/app-error.ts'
import { appendEvents } from '../events/event-log.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import { nowOf, type RecordContext } from '../records/record-context.ts'
import { recordColumns, rowToRecord, type ApiRecord } from '../records/row-mapping.ts'
import { scopedSelect } from '../records/scoped-query.ts'
import { setDeleted, updateRecords } from '../records/write-pipeline.ts'
import { rulesOf } from './duplicate-check.ts'
import { moveReferences } from './related-records.ts'

const MAX_MERGED = 10

export interface MergeRequest {
  survivorId: string
  mergedIds: string[]
  /** Per field: the id of the record whose value wins, or the value itself. */
  values: Record<string, unknown>
}

export function parseMergeRequest(body: unknown): MergeRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'expected_object' }])
  const { survivorId, mergedIds, values = {} } = body as Record<string, unknown>
  const errors: FieldError[] = []
  if (typeof survivorId !== 'string' || !isUuid(survivorId)) errors.push({ field: 'survivorId', code: 'invalid_id' })
  if (!Array.isArray(mergedIds) || mergedIds.length === 0 || mergedIds.length > MAX_MERGED) {
    errors.push({ field: 'mergedIds', code: 'too_many_items', params: { max: MAX_MERGED } })
  } else {
    mergedIds.forEach((id, index) => {
      if (typeof id !== 'string' || !isUuid(id)) errors.push({ field: `mergedIds[${index}]`, code: 'invalid_id' })
      else if (id === survivorId || mergedIds.indexOf(id) !== index) errors.push({ field: `mergedIds[${index}]`, code: 'duplicate_value' })
    })
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values)) errors.push({ field: 'values', code: 'expected_object' })
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
  return { survivorId: survivorId as string, mergedIds: mergedIds as string[], values: values as Record<string, unknown> }
}

async function lockForMerge(trx: Db, ctx: RecordContext, object: ObjectSchema, id: string, path: string): Promise<ApiRecord> {
  const row = await scopedSelect(ctx, object, { db: trx, write: true }).select(recordColumns(object)).where('id', '=', id).forUpdate().executeTakeFirst()
  // Out of the caller's write scope reads as not found, as everywhere else.
  if (!row) throw new AppError('NOT_FOUND', [{ field: path, code: 'merge_record_not_found' }])
  return rowToRecord(object, row)
}

const mergeableFields = (object: ObjectSchema) => object.fields.filter((field) => !field.readOnly && !field.system && field.type !== 'auto_number')
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** The survivor's new values: each chosen field from its source record; lists (tags) are united by default. */
function survivorPatch(object: ObjectSchema, survivor: ApiRecord, merged: ApiRecord[], choices: Record<string, unknown>): Record<string, unknown> {
  const byId = new Map([survivor, ...merged].map((record) => [record.id, record]))
  const fields = mergeableFields(object)
  const unknown = Object.keys(choices).filter((name) => !fields.some((field) => field.name === name))
  if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', unknown.map((name) => ({ field: `values.${name.slice(0, 100)}`, code: 'unknown_field' })))
  const patch: Record<string, unknown> = {}
  for (const field of fields) {
    if (field.name in choices) {
      const choice = choices[field.name]
      const source = typeof choice === 'string' ? byId.get(choice) : undefined
      patch[field.name] = source ? source[field.name] : choice
    } else if (field.relationKind === 'many_to_many') {
      patch[field.name] = [...new Set([survivor, ...merged].flatMap((record) => (record[field.name] as string[] | null) ?? []))]
    }
  }
  return Object.fromEntries(Object.entries(patch).filter(([name, value]) => !sameValue(value, survivor[name])))
}

/**
 * Merges records into a survivor, all or nothing: the survivor takes the chosen values, every
 * reference to a merged record moves to it, the merged records go to the recycle bin, and the
 * merge is logged (for undo), on the timeline and in the audit log.
 */
export async function mergeRecords(ctx: RecordContext, object: ObjectSchema, request: MergeRequest) {
  rulesOf(object)
  assertCan(ctx.actor, object, 'update')
  assertCan(ctx.actor, object, 'delete')
  return ctx.db.transaction().execute(async (trx) => {
    const trxCtx = { ...ctx, db: trx }
    const survivor = await lockForMerge(trx, ctx, object, request.survivorId, 'survivorId')
    const merged: ApiRecord[] = []
    for (const [index, id] of request.mergedIds.entries()) merged.push(await lockForMerge(trx, ctx, object, id, `mergedIds[${index}]`))
    const patch = survivorPatch(object, survivor, merged, request.values)
    const survivorBefore = Object.fromEntries(Object.keys(patch).map((name) => [name, survivor[name] ?? null]))
    const moved = await moveReferences(trx, trxCtx, object, survivor.id, request.mergedIds)
    for (const id of request.mergedIds) await setDeleted(trxCtx, object, id, true, undefined, { trx })
    // After the merged records left the list, so a chosen unique-looking value does not clash with them.
    const [record] = Object.keys(patch).length > 0
      ? await updateRecords(trxCtx, object, [{ id: survivor.id, input: patch, prefix: 'values.' }], { trx })
      : [survivor]
    const mergeId = uuidv7()
    const now = nowOf(ctx)
    await trx.insertInto('merges').values({
      workspace_id: ctx.actor.workspaceId, id: mergeId, object: object.name, survivor_id: survivor.id, merged_ids: request.mergedIds,
      survivor_before: JSON.stringify(survivorBefore), moved: JSON.stringify(moved), actor_id: ctx.actor.userId, created_at: now,
    }).execute()
    const titles = merged.map((record) => ({ id: record.id, title: record[object.titleField] ?? null }))
    await appendEvents(trx, [
      { workspaceId: ctx.actor.workspaceId, object: object.name, recordId: survivor.id, type: 'merged', changes: { merged: { before: null, after: titles } }, actorId: ctx.actor.userId },
      ...merged.map((record) => ({
        workspaceId: ctx.actor.workspaceId, object: object.name, recordId: record.id, type: 'merged_into',
        changes: { merged_into: { before: null, after: { id: survivor.id, title: survivor[object.titleField] ?? null } } }, actorId: ctx.actor.userId,
      })),
    ])
    await writeAudit(trx, ctx.actor, { action: 'merge', object: object.name, details: { merge_id: mergeId, survivor_id: survivor.id, merged_ids: request.mergedIds, moved: moved.length } }, now)
    return { id: mergeId, survivor: record, merged_ids: request.mergedIds, moved: moved.length }
  })
}
