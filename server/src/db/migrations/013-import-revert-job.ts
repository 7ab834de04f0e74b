import { sql } from 'kysely'
import type { Migration } from '../migrator.ts'

/** Reverting an import runs as a job, in batches: a `reverting` status and what it has undone so far. */
export const importRevertJob: Migration = {
  name: '013-import-revert-job',
  async up(db) {
    await sql`alter table imports drop constraint imports_status_check`.execute(db)
    await sql`alter table imports add constraint imports_status_check
      check (status in ('new', 'uploaded', 'queued', 'running', 'done', 'failed', 'cancelled', 'reverting', 'reverted'))`.execute(db)
    await sql`alter table imports add column reverted_deleted integer not null default 0`.execute(db)
    await sql`alter table imports add column reverted_restored integer not null default 0`.execute(db)
  },
}
