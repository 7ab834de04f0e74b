import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, testEngines } from '../test-support/test-database.ts'
import type { Database } from './database.ts'

describe.each(testEngines)('database on %s', (engine) => {
  let database: Database
  beforeAll(async () => {
    database = await openTestDatabase(engine)
  })
  afterAll(async () => database?.close())

  it('applies the migrations once and keeps types the same on both engines', async () => {
    const applied = await database.db.selectFrom('schema_migrations').select('name').execute()
    expect(applied.map((row) => row.name)).toContain('001-platform')
    const row = (await sql<{ d: string; n: string; c: number }>`select date '2026-01-31' as d, 12.50::numeric(20,2) as n, count(*) as c from generate_series(1, 3)`.execute(database.db)).rows[0]
    expect(row).toEqual({ d: '2026-01-31', n: '12.50', c: 3 })
  })
})
