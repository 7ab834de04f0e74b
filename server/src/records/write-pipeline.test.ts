import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/database.ts'
import { generateContactValues } from '../demo/demo-dataset.ts'
import { testEngines } from '../test-support/test-database.ts'
import { openTestWorkspace } from '../test-support/test-workspace.ts'
import type { RecordContext } from './record-context.ts'
import { createRecords } from './write-pipeline.ts'

describe.each(testEngines)('a bulk create on %s', (engine) => {
  let database: Database
  let ctx: RecordContext
  const count = 1_150

  beforeAll(async () => {
    const opened = await openTestWorkspace(engine, 'Parts')
    database = opened.database
    ctx = opened.ctx
  })
  afterAll(async () => {
    await database?.close()
  })

  const stored = async () => {
    const { workspaceId } = ctx.actor
    const contacts = await sql<{ n: number }>`select count(*)::int as n from contacts where workspace_id = ${workspaceId}`.execute(database.db)
    const events = await sql<{ n: number }>`select count(*)::int as n from events where workspace_id = ${workspaceId} and object = 'contacts' and type = 'created'`.execute(database.db)
    return { contacts: contacts.rows[0].n, events: events.rows[0].n }
  }

  it('writes every row and its created event, and returns the records in the order given', async () => {
    const inputs = [...generateContactValues(count, 7)]
    const records = await createRecords(ctx, ctx.catalog.get('contacts'), inputs, { bulk: true })
    expect(records.map((record) => record.name)).toEqual(inputs.map((input) => input.name))
    expect(records.map((record) => record.email)).toEqual(inputs.map((input) => input.email ?? null))
    expect(await stored()).toEqual({ contacts: count, events: count })
  })

  it('writes nothing when the database refuses one of the rows, and says why', async () => {
    const before = await stored()
    const ids = Array.from({ length: count }, () => uuidv7())
    // The last row repeats the first one's id: the insert breaks the primary key.
    ids[count - 1] = ids[0]
    const inputs = [...generateContactValues(count, 8)]
    const failure = await createRecords(ctx, ctx.catalog.get('contacts'), inputs, { bulk: true, presetIds: ids }).catch((error: unknown) => error)
    expect(failure).toMatchObject({ code: '23505' })
    expect(await stored()).toEqual(before)
  })
})
