import { sql } from 'kysely'
import { loadActor } from '../auth/load-actor.ts'
import type { Db } from '../db/database.ts'
import { enqueueJob, type Job } from '../events/job-queue.ts'
import { loadCatalog, type ObjectSchema } from '../metadata/object-catalog.ts'
import type { RecordContext } from '../records/record-context.ts'
import { executePlans, inSavepoint } from './import-execute.ts'
import { IMPORT_REVERT_JOB, runRevertBatch } from './import-revert.ts'
import { planRows, type SourceRow } from './import-plan.ts'
import type { ImportRow } from './import-store.ts'
import { readRows } from './row-reader.ts'
import { mergePendingSearchKeys, useBulkPendingList } from '../search/search-pending-list.ts'

export const IMPORT_JOB = 'import.batch'
export const IMPORT_BATCH_ROWS = 2_000

/**
 * Open readers by import, each with the position it has read up to. The next batch's job reuses one
 * only when the stored position matches (its batch committed); otherwise (a rollback, a restart,
 * another process) the file is opened again and read forward to the stored position.
 */
const openReaders = new Map<string, { position: number; rows: AsyncGenerator<string[]> }>()

async function readerAt(row: ImportRow): Promise<AsyncGenerator<string[]>> {
  const cached = openReaders.get(row.id)
  openReaders.delete(row.id)
  if (cached && cached.position === row.position) return cached.rows
  await cached?.rows.return(undefined)
  const rows = readRows(row.file_path!, row.file_format!, row.encoding)
  // The header row, then every data row already imported.
  for (let skip = 0; skip <= row.position; skip++) if ((await rows.next()).done) break
  return rows
}

export async function enqueueImportBatch(trx: Db, workspaceId: string, importId: string, position: number) {
  await enqueueJob(trx, { workspaceId, type: IMPORT_JOB, payload: { importId }, dedupeKey: `import:${importId}:${position}`, maxAttempts: 5 })
}

async function finish(trx: Db, row: ImportRow, status: 'done' | 'failed', error?: string) {
  await trx.updateTable('imports').set({ status, error: error ?? null, finished_at: new Date(), updated_at: new Date() })
    .where('workspace_id', '=', row.workspace_id).where('id', '=', row.id).execute()
}

/**
 * One batch of an import, in the job's transaction: its rows, the counts and the position after it
 * commit together, and the next batch is enqueued in the same commit. A killed run leaves the last
 * committed batch; the retried job starts after it, so no row is written twice.
 */
export async function runImportBatch(trx: Db, job: Job): Promise<void> {
  const { importId } = job.payload as { importId: string }
  const row = (await trx.selectFrom('imports').selectAll().where('workspace_id', '=', job.workspaceId).where('id', '=', importId).forUpdate().executeTakeFirst()) as ImportRow | undefined
  if (!row || (row.status !== 'queued' && row.status !== 'running')) {
    await openReaders.get(importId)?.rows.return(undefined)
    openReaders.delete(importId)
    return
  }
  const caller = await loadActor(trx, row.workspace_id, row.created_by, 'en')
  const catalog = await loadCatalog(trx, row.workspace_id)
  const object = catalog.find(row.object)
  if (!caller || !object) return finish(trx, row, 'failed', !caller ? 'the user who started the import is no longer active' : `object ${row.object} no longer exists`)
  await useBulkPendingList(trx)
  const batch = () => runBatch(trx, row, { db: trx, actor: caller.actor, catalog }, object)
  if (job.attempts < job.maxAttempts) return batch()
  // The last attempt: a failure ends the import as failed (its committed batches stay, revertible) instead of leaving it running.
  try {
    await inSavepoint(trx, batch)
  } catch (error) {
    await finish(trx, row, 'failed', (error as Error).message.slice(0, 1000))
    await mergePendingSearchKeys(trx, object)
  }
}

async function runBatch(trx: Db, row: ImportRow, ctx: RecordContext, object: ObjectSchema): Promise<void> {
  let reader: AsyncGenerator<string[]>
  try {
    reader = await readerAt(row)
  } catch (error) {
    return finish(trx, row, 'failed', `cannot read the file: ${(error as Error).message}`)
  }
  const rows: SourceRow[] = []
  let exhausted = false
  while (rows.length < IMPORT_BATCH_ROWS) {
    const next = await reader.next()
    if (next.done) {
      exhausted = true
      break
    }
    rows.push({ number: row.position + rows.length + 1, cells: next.value })
  }
  const settings = { headers: row.headers ?? [], mapping: row.mapping, match_key: row.match_key, on_duplicate: row.on_duplicate }
  const counts = await executePlans(ctx, trx, object, row.id, settings, await planRows(ctx, object, settings, rows, new Map()))
  const position = row.position + rows.length
  const now = new Date()
  await trx.updateTable('imports').set({
    position,
    status: exhausted ? 'done' : 'running',
    created_count: sql`created_count + ${counts.created}`,
    updated_count: sql`updated_count + ${counts.updated}`,
    skipped_count: sql`skipped_count + ${counts.skipped}`,
    rejected_count: sql`rejected_count + ${counts.rejected}`,
    started_at: row.started_at ?? now,
    finished_at: exhausted ? now : null,
    updated_at: now,
  }).where('workspace_id', '=', row.workspace_id).where('id', '=', row.id).execute()
  if (exhausted) return mergePendingSearchKeys(trx, object)
  openReaders.set(row.id, { position, rows: reader })
  await enqueueImportBatch(trx, row.workspace_id, row.id, position)
}

export const importJobHandlers = { [IMPORT_JOB]: runImportBatch, [IMPORT_REVERT_JOB]: runRevertBatch }
