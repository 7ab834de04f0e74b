import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, testEngines } from '../../test-support/test-database.ts'
import type { Database } from '../database.ts'
import { searchPendingList } from './016-search-pending-list.ts'

describe.each(testEngines)('migration 016 on %s', (engine) => {
  let database: Database
  beforeAll(async () => {
    database = await openTestDatabase(engine)
  })
  afterAll(async () => database?.close())

  it('takes the fixed pending-list limit off existing search indexes and leaves other indexes alone', async () => {
    const db = database.db
    await sql`create table upgraded_records (workspace_id uuid, search_tokens text[])`.execute(db)
    await sql`create index upgraded_records_search_keys_idx on upgraded_records using gin (search_keys(workspace_id, search_tokens)) with (gin_pending_list_limit = 256)`.execute(db)
    // An underscore in LIKE matches any character: this name must not be taken for a search index.
    await sql`create index upgraded_recordsXsearchXkeysXidx on upgraded_records using gin (search_tokens) with (gin_pending_list_limit = 512)`.execute(db)
    await searchPendingList.up(db)
    const options = await sql<{ name: string; reloptions: string[] | null }>`
      select relname as name, reloptions from pg_class where relname like 'upgraded_records%idx' order by relname`.execute(db)
    expect(options.rows).toEqual([
      { name: 'upgraded_records_search_keys_idx', reloptions: null },
      { name: 'upgraded_recordsxsearchxkeysxidx', reloptions: ['gin_pending_list_limit=512'] },
    ])
  })
})
