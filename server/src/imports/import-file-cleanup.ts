import { rm } from 'node:fs/promises'
import type { Db } from '../db/database.ts'

const DAY = 86_400_000
/** An import that never finished (uploaded and left, or failed) keeps its file this long, to be resumed or started. */
export const KEEP_UNFINISHED_IMPORT_FILES_MS = 7 * DAY

/**
 * Deletes uploaded files no import needs any more: those of finished imports (done, cancelled,
 * reverted — their report lives in the database) and of imports untouched for a week. The row
 * forgets the path, so a later resume fails cleanly instead of reading a missing file.
 */
export async function removeImportFiles(trx: Db, now: Date): Promise<number> {
  const stale = new Date(now.getTime() - KEEP_UNFINISHED_IMPORT_FILES_MS)
  const rows = await trx.selectFrom('imports').select(['workspace_id', 'id', 'file_path'])
    .where('file_path', 'is not', null)
    .where((eb) => eb.or([eb('status', 'in', ['done', 'cancelled', 'reverted']), eb('updated_at', '<', stale)]))
    .where('status', 'not in', ['queued', 'running'])
    .limit(1000)
    .execute()
  for (const row of rows) {
    await rm(row.file_path as string, { force: true })
    await trx.updateTable('imports').set({ file_path: null }).where('workspace_id', '=', row.workspace_id).where('id', '=', row.id).execute()
  }
  return rows.length
}
