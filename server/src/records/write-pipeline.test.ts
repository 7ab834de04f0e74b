import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadActor } from '../auth/load-actor.ts'
import type { Database } from '../db/database.ts'
import { generateContactValues } from '../demo/demo-dataset.ts'
import { loadCatalog } from '../metadata/object-catalog.ts'
import { syncRecordTables } from '../metadata/table-schema.ts'
import { openTestDatabase, testEngines } from '../test-support/test-database.ts'
import { createWorkspace } from '../workspaces/create-workspace.ts'
import type { RecordContext } from './record-context.ts'
import { CREATE_PART_ROWS, createRecords } from './write-pipeline.ts'

describe.each(testEngines)('a create bigger than one part on %s', (engine) => {
  let database: Database
  let ctx: RecordContext
  const count = CREATE_PART_ROWS * 2 + 150

  beforeAll(async () => {
    database = await openTestDatabase(engine)
    await syncRecordTables(database.db)
    const { workspaceId, adminId } = await createWorkspace(database.db, { name: 'Parts', admin: { name: 'Admin', email: 'admin@parts.test', password: 'correct horse battery' }, locale: 'en' })
    const caller = await loadActor(database.db, workspaceId, adminId, 'en')
    ctx = { db: database.db, actor: caller!.actor, catalog: await loadCatalog(database.db, workspaceId) }
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

  it('writes nothing when a statement of a later part fails, and throws that statement’s error', async () => {
    const before = await stored()
    const ids = Array.from({ length: count }, () => uuidv7())
    // The last part repeats an id of the first: its insert breaks the primary key after two parts went in.
    ids[count - 1] = ids[0]
    const inputs = [...generateContactValues(count, 8)]
    const failure = await createRecords(ctx, ctx.catalog.get('contacts'), inputs, { bulk: true, presetIds: ids }).catch((error: unknown) => error)
    expect(failure).toMatchObject({ code: '23505' })
    expect(await stored()).toEqual(before)
  })
})
