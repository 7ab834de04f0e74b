import { sql } from 'kysely'
import { assertCan } from '../access/record-access.ts'
import { writeAudit } from '../audit/audit-log.ts'
import { AppError } from '../errors/app-error.ts'
import { appendEvents } from '../events/event-log.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'
import { nowOf, type RecordContext } from '../records/record-context.ts'
import { scopedSelect } from '../records/scoped-query.ts'
import { setDeleted, updateRecords } from '../records/write-pipeline.ts'
import { restoreReferences, type MovedReference } from './related-records.ts'

export interface MergeSummary {
  id: string
  object: string
  survivor_id: string
  merged_ids: string[]
  moved: number
  actor_id: string | null
  created_at: string
  undone_at: string | null
}

const summary = (row: Record<string, unknown>): MergeSummary => ({
  id: row.id as string,
  object: row.object as string,
  survivor_id: row.survivor_id as string,
  merged_ids: row.merged_ids as string[],
  moved: Array.isArray(row.moved) ? row.moved.length : 0,
  actor_id: (row.actor_id as string | null) ?? null,
  created_at: (row.created_at as Date).toISOString(),
  undone_at: row.undone_at ? (row.undone_at as Date).toISOString() : null,
})

/** Merges into a record, newest first, if the caller may read it. */
export async function listMerges(ctx: RecordContext, objectName: string, recordId: string): Promise<{ data: MergeSummary[] }> {
  const object = ctx.catalog.get(objectName)
  assertCan(ctx.actor, object, 'read')
  if (!isUuid(recordId)) throw new AppError('VALIDATION_FAILED', [{ field: 'record_id', code: 'invalid_id' }])
  const visible = await scopedSelect(ctx, object).select('id').where('id', '=', recordId).executeTakeFirst()
  if (!visible) return { data: [] }
  const rows = await ctx.db.selectFrom('merges').selectAll()
    .where('workspace_id', '=', ctx.actor.workspaceId).where('object', '=', object.name).where('survivor_id', '=', recordId)
    .orderBy('created_at', 'desc').limit(50).execute()
  return { data: rows.map(summary) }
}

/**
 * Undoes a merge: the merged records come back from the recycle bin, the references it moved
 * point at them again (unless changed since), and the survivor gets its previous values back.
 */
export async function undoMerge(ctx: RecordContext, mergeId: string): Promise<MergeSummary> {
  if (!isUuid(mergeId)) throw new AppError('NOT_FOUND')
  return ctx.db.transaction().execute(async (trx) => {
    const trxCtx = { ...ctx, db: trx }
    const merge = await trx.selectFrom('merges').selectAll().where('workspace_id', '=', ctx.actor.workspaceId).where('id', '=', mergeId).forUpdate().executeTakeFirst()
    if (!merge) throw new AppError('NOT_FOUND')
    const object = ctx.catalog.get(merge.object)
    assertCan(ctx.actor, object, 'update')
    assertCan(ctx.actor, object, 'delete')
    const survivor = await scopedSelect(ctx, object, { db: trx, write: true }).select('id').where('id', '=', merge.survivor_id).forUpdate().executeTakeFirst()
    if (!survivor) throw new AppError('NOT_FOUND')
    if (merge.undone_at) throw new AppError('CONFLICT')
    for (const id of merge.merged_ids as string[]) await setDeleted(trxCtx, object, id, false, undefined, { trx })
    await restoreReferences(trx, trxCtx, merge.moved as MovedReference[], merge.survivor_id)
    const before = merge.survivor_before as Record<string, unknown>
    const known = Object.fromEntries(Object.entries(before).filter(([name]) => object.field(name)))
    if (Object.keys(known).length > 0) await updateRecords(trxCtx, object, [{ id: merge.survivor_id, input: known }], { trx })
    const now = nowOf(ctx)
    await sql`update merges set undone_at = ${now}, undone_by = ${ctx.actor.userId} where workspace_id = ${ctx.actor.workspaceId} and id = ${mergeId}`.execute(trx)
    await appendEvents(trx, [{ workspaceId: ctx.actor.workspaceId, object: object.name, recordId: merge.survivor_id, type: 'merge_undone', changes: { merged: { before: merge.merged_ids, after: null } }, actorId: ctx.actor.userId }])
    await writeAudit(trx, ctx.actor, { action: 'merge_undo', object: object.name, details: { merge_id: mergeId, survivor_id: merge.survivor_id, merged_ids: merge.merged_ids } }, now)
    return summary({ ...merge, undone_at: now })
  })
}
