import { sql } from 'kysely'
import type { Migration } from '../migrator.ts'

/**
 * Search index keys carry their workspace: the last 6 hex digits of its id before each token. A GIN
 * index over these keys keeps every workspace's posting lists apart (workspace first in every key),
 * where a (workspace_id, tokens) GIN would intersect each lookup with the whole workspace's rows.
 */
export const searchKeys: Migration = {
  name: '003-search-keys',
  async up(db) {
    await sql`
      create or replace function search_keys(workspace uuid, tokens text[]) returns text[]
      language sql immutable parallel safe
      as $$ select array(select right(workspace::text, 6) || token from unnest(tokens) as token) $$`.execute(db)
  },
}
