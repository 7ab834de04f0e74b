import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/database.ts'
import { openTestDatabase, testEngines } from '../test-support/test-database.ts'
import { mergePendingSearchKeys } from './search-pending-list.ts'

describe.each(testEngines)('merging pending search keys on %s', (engine) => {
  let database: Database
  const probe = { table: 'merge_probe_records' }
  const role = `rapport_not_owner_${randomBytes(4).toString('hex')}`
  beforeAll(async () => {
    database = await openTestDatabase(engine)
    await sql`create table merge_probe_records (workspace_id uuid, search_tokens text[])`.execute(database.db)
    await sql`create index merge_probe_records_search_keys_idx on merge_probe_records using gin (search_keys(workspace_id, search_tokens))`.execute(database.db)
    await sql.raw(`create role ${role}`).execute(database.db)
  })
  afterAll(async () => {
    await sql.raw(`drop role if exists ${role}`).execute(database.db).catch(() => undefined)
    await database?.close()
  })

  it('merges what writes left pending', async () => {
    const db = database.db
    await db.transaction().execute(async (trx) => {
      await sql`set local gin_pending_list_limit = '4MB'`.execute(trx)
      await sql`insert into merge_probe_records select gen_random_uuid(), array['张伟', 'zhangwei', 'zw', 'smith'] from generate_series(1, 500)`.execute(trx)
    })
    await mergePendingSearchKeys(db, probe)
    const left = await sql<{ pages: number }>`select gin_clean_pending_list('merge_probe_records_search_keys_idx'::regclass)::int as pages`.execute(db)
    expect(left.rows[0].pages).toBe(0)
  })

  it('leaves the merge to autovacuum, without failing the transaction, for a role that does not own the index', async () => {
    const written = await database.db.transaction().execute(async (trx) => {
      await sql.raw(`set local role ${role}`).execute(trx)
      await mergePendingSearchKeys(trx, probe)
      return (await sql<{ ok: number }>`select 1 as ok`.execute(trx)).rows[0]
    })
    expect(written).toEqual({ ok: 1 })
  })
})
