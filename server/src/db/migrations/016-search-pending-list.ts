import { sql } from 'kysely'
import type { Migration } from '../migrator.ts'

/**
 * Search indexes stop fixing their GIN pending list at 256 kB: the session's `gin_pending_list_limit`
 * applies instead, small for everyday writes and larger for import batches (search/search-pending-list.ts).
 */
export const searchPendingList: Migration = {
  name: '016-search-pending-list',
  async up(db) {
    const indexes = await sql<{ name: string }>`
      select indexname as name from pg_indexes where schemaname = current_schema() and indexname like '%\\_search\\_keys\\_idx'`.execute(db)
    for (const { name } of indexes.rows) await sql`alter index ${sql.id(name)} reset (gin_pending_list_limit)`.execute(db)
  },
}
