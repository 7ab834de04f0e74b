import { sql } from 'kysely'
import type { Db } from '../../db/database.ts'

/** Tests share one database per engine (opening PGlite costs seconds), so each starts from empty queues. */
export async function resetEventTables(db: Db, extra: string[] = []): Promise<void> {
  for (const table of ['events', 'jobs', ...extra]) await sql`delete from ${sql.table(table)}`.execute(db)
}
