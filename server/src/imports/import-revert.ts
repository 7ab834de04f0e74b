import { sql } from 'kysely'
import { mergePendingSearchKeys, useBulkPendingList } from '../search/search-pending-list.ts'
import { loadActor } from '../auth/load-actor.ts'
import type { Db } from '../db/database.ts'
import { AppError } from '../errors/app-error.ts'
import { enqueueJob, type Job } from '../events/job-queue.ts'
import { loadCatalog } from '../metadata/object-catalog.ts'
import { scopedSelect } from '../records/scoped-query.ts'
import { deleteRecords, updateRecords } from '../records/write-pipeline.ts'
import type { ImportRow } from './import-store.ts'

export const IMPORT_REVERT_JOB = 'import.revert'
export const REVERT_BATCH_RECORDS = 2_000
const FIRST = '00000000-0000-0000-0000-000000000000'

async function enqueueRevertBatch(trx: Db, row: ImportRow, after: string) {
  await enqueueJob(trx, { workspaceId: row.workspace_id, type: IMPORT_REVERT_JOB, payload: { importId: row.id, after }, dedupeKey: `import-revert:${row.id}:${after}`, maxAttempts: 5 })
}

/** Starts undoing a finished, cancelled or failed import: the import shows `reverting` until its last batch. */
export async function startRevert(trx: Db, row: ImportRow, now: Date): Promise<ImportRow> {
  if (!['done', 'cancelled', 'failed'].includes(row.status)) throw new AppError('CONFLICT', [{ field: 'status', code: 'import_not_finished' }])
  await enqueueRevertBatch(trx, row, FIRST)
  return (await trx.updateTable('imports').set({ status: 'reverting', updated_at: now })
    .where('workspace_id', '=', row.workspace_id).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow()) as ImportRow
}

/**
 * One batch of a revert, in the job's transaction, as the user who started the import: records it
 * created go to the recycle bin (one statement), records it updated get back their earlier values;
 * records deleted since are left alone. The next batch is enqueued in the same commit, so a crash
 * repeats at most the batch that did not commit.
 */
export async function runRevertBatch(trx: Db, job: Job): Promise<void> {
  const { importId, after } = job.payload as { importId: string; after: string }
  const row = (await trx.selectFrom('imports').selectAll().where('workspace_id', '=', job.workspaceId).where('id', '=', importId).forUpdate().executeTakeFirst()) as ImportRow | undefined
  if (!row || row.status !== 'reverting') return
  const caller = await loadActor(trx, row.workspace_id, row.created_by, 'en')
  const catalog = await loadCatalog(trx, row.workspace_id)
  const object = catalog.find(row.object)
  const page = await trx.selectFrom('import_records').select(['record_id', 'action', 'before'])
    .where('workspace_id', '=', row.workspace_id).where('import_id', '=', row.id).where('record_id', '>', after)
    .orderBy('record_id').limit(REVERT_BATCH_RECORDS).execute()
  if (!caller || !object || page.length === 0) {
    await trx.updateTable('imports').set({ status: 'reverted', updated_at: new Date() })
      .where('workspace_id', '=', row.workspace_id).where('id', '=', row.id).execute()
    if (object) await mergePendingSearchKeys(trx, object)
    return
  }
  await useBulkPendingList(trx)
  const ctx = { db: trx, actor: caller.actor, catalog }
  const created = page.filter((record) => record.action === 'created').map((record) => record.record_id as string)
  const deleted = await deleteRecords(ctx, object, created, { trx })
  const updated = page.filter((record) => record.action === 'updated')
  const live = new Set((await scopedSelect(ctx, object, { db: trx }).select('id').where('id', 'in', updated.length ? updated.map((r) => r.record_id) : [FIRST]).execute()).map((r) => r.id as string))
  const restores = updated.filter((record) => live.has(record.record_id))
  if (restores.length > 0) await updateRecords(ctx, object, restores.map((record) => ({ id: record.record_id, input: record.before })), { trx })
  await trx.updateTable('imports').set({
    reverted_deleted: sql`reverted_deleted + ${deleted.length}`,
    reverted_restored: sql`reverted_restored + ${restores.length}`,
    updated_at: new Date(),
  }).where('workspace_id', '=', row.workspace_id).where('id', '=', row.id).execute()
  await enqueueRevertBatch(trx, row, page[page.length - 1].record_id)
}
