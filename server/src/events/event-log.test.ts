import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '../db/database.ts'
import { openTestDatabase, testEngines } from '../test-support/test-database.ts'
import { appendEvents, listRecordEvents, loadEvent, type RecordEventInput, type StoredEvent } from './event-log.ts'
import { clearEventSubscribers, registerEventSubscriber } from './event-subscribers.ts'
import { createJobRunner } from './job-runner.ts'
import { resetEventTables } from './test-fixtures/reset-tables.ts'

describe.each(testEngines)('event log on %s', (engine) => {
  let database: Database
  const workspaceId = uuidv7()
  const actorId = uuidv7()

  beforeAll(async () => {
    database = await openTestDatabase(engine)
    await sql`create table event_effects (workspace_id uuid not null, event_id uuid not null, subscriber text not null)`.execute(database.db)
  })
  afterAll(async () => database?.close())
  beforeEach(async () => resetEventTables(database.db, ['event_effects']))
  afterEach(() => clearEventSubscribers())

  it('stores each event with its changes, in order, and returns time-ordered ids', async () => {
    const recordId = uuidv7()
    const inputs: RecordEventInput[] = [
      { workspaceId, object: 'company', recordId, type: 'created', actorId },
      { workspaceId, object: 'company', recordId, type: 'updated', changes: { name: { before: 'Acme', after: 'Acme "Ltd" 有限公司' }, tags: { before: [], after: ['a'] } }, actorId },
      { workspaceId, object: 'company', recordId, type: 'deleted', actorId: null },
      { workspaceId, object: 'company', recordId, type: 'restored' },
    ]
    const ids = await database.db.transaction().execute((trx) => appendEvents(trx, inputs))
    expect(ids).toHaveLength(4)
    expect([...ids].sort()).toEqual(ids)

    const history = await listRecordEvents(database.db, workspaceId, 'company', recordId)
    expect(history.map((event) => [event.id, event.type, event.actorId ?? null])).toEqual([
      [ids[0], 'created', actorId],
      [ids[1], 'updated', actorId],
      [ids[2], 'deleted', null],
      [ids[3], 'restored', null],
    ])
    expect(history[1].changes).toEqual(inputs[1].changes)
    expect(history[0].changes).toBeNull()
    expect(history[0].createdAt).toBeInstanceOf(Date)
    expect(await loadEvent(database.db, workspaceId, ids[1])).toEqual(history[1])
    expect(await loadEvent(database.db, uuidv7(), ids[1])).toBeUndefined()
  })

  it('enqueues no job when nobody subscribes', async () => {
    await appendEvents(database.db, [{ workspaceId, object: 'company', recordId: uuidv7(), type: 'created' }])
    expect(await count(database, 'events')).toBe(1)
    expect(await count(database, 'jobs')).toBe(0)
  })

  it('enqueues one job per matching subscriber, filtered by object and type', async () => {
    const noop = async () => {}
    registerEventSubscriber({ name: 'audit', handle: noop })
    registerEventSubscriber({ name: 'company-sync', objects: ['company'], handle: noop })
    registerEventSubscriber({ name: 'trash', types: ['deleted'], handle: noop })
    const ids = await database.db.transaction().execute((trx) =>
      appendEvents(trx, [
        { workspaceId, object: 'company', recordId: uuidv7(), type: 'created' },
        { workspaceId, object: 'person', recordId: uuidv7(), type: 'deleted' },
        { workspaceId, object: 'company', recordId: uuidv7(), type: 'deleted' },
      ]),
    )
    const jobs = await database.db.selectFrom('jobs').select(['workspace_id', 'type', 'payload', 'status', 'attempts']).execute()
    const byEvent = (eventId: string) => jobs.filter((job) => job.payload.eventId === eventId).map((job) => job.type).sort()
    expect(byEvent(ids[0])).toEqual(['event:audit', 'event:company-sync'])
    expect(byEvent(ids[1])).toEqual(['event:audit', 'event:trash'])
    expect(byEvent(ids[2])).toEqual(['event:audit', 'event:company-sync', 'event:trash'])
    expect(jobs.every((job) => job.workspace_id === workspaceId && job.status === 'pending' && job.attempts === 0)).toBe(true)
  })

  it('commits events and their jobs with the write, or neither', async () => {
    registerEventSubscriber({ name: 'audit', handle: async () => {} })
    await expect(
      database.db.transaction().execute(async (trx) => {
        await appendEvents(trx, [{ workspaceId, object: 'company', recordId: uuidv7(), type: 'created' }])
        throw new Error('the write failed')
      }),
    ).rejects.toThrow('the write failed')
    expect(await count(database, 'events')).toBe(0)
    expect(await count(database, 'jobs')).toBe(0)
  })

  it('delivers each event to its subscribers through the job runner, once', async () => {
    const seen: StoredEvent[] = []
    for (const name of ['audit', 'company-sync']) {
      registerEventSubscriber({
        name,
        objects: name === 'audit' ? undefined : ['company'],
        async handle(trx, event) {
          seen.push(event)
          await trx.insertInto('event_effects').values({ workspace_id: event.workspaceId, event_id: event.id, subscriber: name }).execute()
        },
      })
    }
    const recordId = uuidv7()
    const [companyEvent, personEvent] = await database.db.transaction().execute((trx) =>
      appendEvents(trx, [
        { workspaceId, object: 'company', recordId, type: 'updated', changes: { stage: { before: 'lead', after: 'won' } }, actorId },
        { workspaceId, object: 'person', recordId: uuidv7(), type: 'created' },
      ]),
    )
    const runner = createJobRunner(database.db)
    expect(await runner.runOnce()).toBe(3)
    expect(await runner.runOnce()).toBe(0)

    const effects = await database.db.selectFrom('event_effects').select(['event_id', 'subscriber']).orderBy('subscriber').orderBy('event_id').execute()
    expect(effects).toEqual([
      { event_id: companyEvent, subscriber: 'audit' },
      { event_id: personEvent, subscriber: 'audit' },
      { event_id: companyEvent, subscriber: 'company-sync' },
    ])
    expect(seen.find((event) => event.id === companyEvent)).toMatchObject({
      workspaceId,
      object: 'company',
      recordId,
      type: 'updated',
      changes: { stage: { before: 'lead', after: 'won' } },
      actorId,
    })
    expect(await database.db.selectFrom('jobs').select('status').distinct().execute()).toEqual([{ status: 'done' }])
  })

  it('appends thousands of events with their jobs in a couple of statements', async () => {
    registerEventSubscriber({ name: 'audit', handle: async () => {} })
    const events: RecordEventInput[] = Array.from({ length: 5_000 }, (_, index) => ({
      workspaceId,
      object: 'company',
      recordId: uuidv7(),
      type: 'updated',
      changes: { n: { before: index, after: index + 1 } },
    }))
    const started = performance.now()
    const ids = await database.db.transaction().execute((trx) => appendEvents(trx, events))
    const elapsed = performance.now() - started
    expect(new Set(ids).size).toBe(5_000)
    expect(await count(database, 'events')).toBe(5_000)
    expect(await count(database, 'jobs')).toBe(5_000)
    // Generous bound: row-by-row inserts over PGlite's socket take far longer than this.
    expect(elapsed).toBeLessThan(10_000)
  })
})

async function count(database: Database, table: string): Promise<number> {
  const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return row.n
}
