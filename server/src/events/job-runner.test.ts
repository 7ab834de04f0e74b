import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Database, Db } from '../db/database.ts'
import { openTestDatabase, testEngines } from '../test-support/test-database.ts'
import { appendEvents } from './event-log.ts'
import { clearEventSubscribers, registerEventSubscriber } from './event-subscribers.ts'
import { enqueueJob, enqueueJobs, toJob, type Job } from './job-queue.ts'
import { createJobRunner, SYSTEM_WORKSPACE_ID, type JobHandler } from './job-runner.ts'
import { exponentialBackoff } from './retry-backoff.ts'
import { manualClock } from './test-fixtures/manual-clock.ts'
import { resetEventTables } from './test-fixtures/reset-tables.ts'

const SECOND = 1_000
const silent = () => {}

describe.each(testEngines)('job runner on %s', (engine) => {
  let database: Database
  let db: Db
  const workspaceId = uuidv7()

  beforeAll(async () => {
    database = await openTestDatabase(engine)
    db = database.db
    await sql`create table job_effects (workspace_id uuid not null, job_id uuid not null, note text)`.execute(db)
  })
  afterAll(async () => database?.close())
  beforeEach(async () => resetEventTables(db, ['job_effects']))
  afterEach(() => clearEventSubscribers())

  // Writes an effect row through the job's transaction, so a rolled-back attempt leaves none.
  const writeEffect: JobHandler = async (trx, job) => {
    await trx.insertInto('job_effects').values({ workspace_id: job.workspaceId, job_id: job.id, note: job.type }).execute()
  }

  async function jobs(): Promise<Job[]> {
    return (await db.selectFrom('jobs').selectAll().orderBy('created_at').orderBy('id').execute()).map(toJob)
  }

  async function effects(): Promise<number> {
    return (await db.selectFrom('job_effects').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
  }

  it('retries a failing job with backoff, undoing the failed attempts, then succeeds', async () => {
    const clock = manualClock()
    let calls = 0
    const runner = createJobRunner(db, {
      clock,
      backoff: (failed) => 10 * SECOND * 2 ** (failed - 1),
      onError: silent,
      handlers: {
        flaky: async (trx, job) => {
          await writeEffect(trx, job)
          if (++calls <= 2) throw new Error(`boom ${calls}`)
        },
      },
    })
    const id = await enqueueJob(db, { workspaceId, type: 'flaky', payload: { n: 1 }, runAt: clock() })

    expect(await runner.runOnce()).toBe(1)
    let [job] = await jobs()
    expect(job).toMatchObject({ id, status: 'pending', attempts: 1, lockedUntil: null })
    expect(job.lastError).toContain('boom 1')
    expect(job.runAt.getTime()).toBe(clock().getTime() + 10 * SECOND)
    expect(await effects()).toBe(0)

    clock.advance(10 * SECOND - 1)
    expect(await runner.runOnce()).toBe(0)
    clock.advance(1)
    expect(await runner.runOnce()).toBe(1)
    ;[job] = await jobs()
    expect(job).toMatchObject({ status: 'pending', attempts: 2 })
    expect(job.runAt.getTime()).toBe(clock().getTime() + 20 * SECOND)

    clock.advance(20 * SECOND)
    expect(await runner.runOnce()).toBe(1)
    ;[job] = await jobs()
    expect(job).toMatchObject({ status: 'done', attempts: 3, lockedUntil: null })
    expect(job.finishedAt?.getTime()).toBe(clock().getTime())
    expect(calls).toBe(3)
    expect(await effects()).toBe(1)

    clock.advance(3600 * SECOND)
    expect(await runner.runOnce()).toBe(0)
  })

  it('marks a job dead after its last attempt and never runs it again', async () => {
    const clock = manualClock()
    let calls = 0
    const runner = createJobRunner(db, {
      clock,
      backoff: () => SECOND,
      onError: silent,
      handlers: {
        broken: async () => {
          calls++
          throw new Error('always')
        },
      },
    })
    await enqueueJob(db, { workspaceId, type: 'broken', maxAttempts: 3, runAt: clock() })
    for (let attempt = 0; attempt < 5; attempt++) {
      await runner.runOnce()
      clock.advance(SECOND)
    }
    const [job] = await jobs()
    expect(calls).toBe(3)
    expect(job).toMatchObject({ status: 'dead', attempts: 3, maxAttempts: 3, lockedUntil: null })
    expect(job.lastError).toContain('always')
    expect(job.finishedAt).toBeInstanceOf(Date)
  })

  it('does not run a scheduled job before its time', async () => {
    const clock = manualClock(new Date('2030-01-01T09:00:00Z'))
    const runner = createJobRunner(db, { clock, handlers: { remind: writeEffect } })
    await enqueueJob(db, { workspaceId, type: 'remind', runAt: new Date('2030-01-02T09:00:00Z') })
    expect(await runner.runOnce()).toBe(0)
    clock.set(new Date('2030-01-02T08:59:59.999Z'))
    expect(await runner.runOnce()).toBe(0)
    expect(await effects()).toBe(0)
    clock.set(new Date('2030-01-02T09:00:00Z'))
    expect(await runner.runOnce()).toBe(1)
    expect(await effects()).toBe(1)
  })

  it('keeps exactly one pending job per recurring schedule and runs it again everyMs after it finished', async () => {
    const clock = manualClock()
    const start = clock().getTime()
    const runner = createJobRunner(db, { clock, recurring: [{ type: 'cleanup', everyMs: 60 * SECOND }], handlers: { cleanup: writeEffect } })
    const pending = async () => (await jobs()).filter((job) => job.status === 'pending')

    expect(await runner.runOnce()).toBe(1)
    expect(await runner.runOnce()).toBe(0)
    let waiting = await pending()
    expect(waiting).toHaveLength(1)
    expect(waiting[0]).toMatchObject({ type: 'cleanup', workspaceId: SYSTEM_WORKSPACE_ID, dedupeKey: 'recurring:cleanup', attempts: 0 })
    expect(waiting[0].runAt.getTime()).toBe(start + 60 * SECOND)

    clock.advance(59 * SECOND)
    expect(await runner.runOnce()).toBe(0)
    clock.advance(SECOND)
    expect(await runner.runOnce()).toBe(1)
    waiting = await pending()
    expect(waiting).toHaveLength(1)
    expect(waiting[0].runAt.getTime()).toBe(start + 120 * SECOND)
    expect(await effects()).toBe(2)

    // A second runner (another process) with the same schedule adds no second pending job.
    const other = createJobRunner(db, { clock, recurring: () => [{ type: 'cleanup', everyMs: 60 * SECOND }], handlers: { cleanup: writeEffect } })
    expect(await other.runOnce()).toBe(0)
    expect(await pending()).toHaveLength(1)
  })

  it('keeps a recurring schedule alive when one of its runs goes dead', async () => {
    const clock = manualClock()
    const runner = createJobRunner(db, {
      clock,
      onError: silent,
      recurring: [{ type: 'sync', everyMs: 60 * SECOND, maxAttempts: 1, workspaceId }],
      handlers: {
        sync: async () => {
          throw new Error('remote down')
        },
      },
    })
    expect(await runner.runOnce()).toBe(1)
    const all = await jobs()
    expect(all.map((job) => [job.status, job.workspaceId])).toEqual([
      ['dead', workspaceId],
      ['pending', workspaceId],
    ])
    expect(all[1].runAt.getTime()).toBe(clock().getTime() + 60 * SECOND)
  })

  it('keeps at most one pending job per dedupe key and workspace', async () => {
    const clock = manualClock()
    const otherWorkspace = uuidv7()
    const first = await enqueueJob(db, { workspaceId, type: 'reindex', dedupeKey: 'reindex:company', runAt: clock() })
    expect(first).toEqual(expect.any(String))
    expect(await enqueueJob(db, { workspaceId, type: 'reindex', dedupeKey: 'reindex:company', runAt: clock() })).toBeNull()
    expect(await enqueueJob(db, { workspaceId: otherWorkspace, type: 'reindex', dedupeKey: 'reindex:company', runAt: clock() })).toEqual(expect.any(String))
    // Also within one batch, and jobs without a key are never deduplicated.
    const batch = await enqueueJobs(db, [
      { workspaceId, type: 'reindex', dedupeKey: 'reindex:person' },
      { workspaceId, type: 'reindex', dedupeKey: 'reindex:person' },
      { workspaceId, type: 'reindex' },
      { workspaceId, type: 'reindex' },
    ])
    expect(batch.map((id) => id !== null)).toEqual([true, false, true, true])

    // Once the job has run, the key is free again.
    const runner = createJobRunner(db, { clock: () => new Date(Date.now() + 60 * SECOND), handlers: { reindex: writeEffect } })
    expect(await runner.runOnce()).toBe(5)
    expect(await enqueueJob(db, { workspaceId, type: 'reindex', dedupeKey: 'reindex:company' })).toEqual(expect.any(String))
  })

  it('claims only the job types it has handlers for', async () => {
    const clock = manualClock()
    await enqueueJobs(db, [
      { workspaceId, type: 'mine', runAt: clock() },
      { workspaceId, type: 'someone-else', runAt: clock() },
      { workspaceId, type: 'event:unregistered', payload: { eventId: uuidv7() }, runAt: clock() },
    ])
    const runner = createJobRunner(db, { clock, handlers: { mine: writeEffect } })
    expect(await runner.runOnce()).toBe(1)
    expect((await jobs()).map((job) => [job.type, job.status, job.attempts])).toEqual([
      ['mine', 'done', 1],
      ['someone-else', 'pending', 0],
      ['event:unregistered', 'pending', 0],
    ])
  })

  it('fails an event job whose event is missing', async () => {
    registerEventSubscriber({ name: 'audit', handle: async () => {} })
    await enqueueJob(db, { workspaceId, type: 'event:audit', payload: { eventId: uuidv7() }, maxAttempts: 1, runAt: new Date(0) })
    const runner = createJobRunner(db, { onError: silent })
    expect(await runner.runOnce()).toBe(1)
    const [job] = await jobs()
    expect(job.status).toBe('dead')
    expect(job.lastError).toContain('not found')
  })

  it('runs a job again after the lease of a runner that died, and gives up when that was its last attempt', async () => {
    const clock = manualClock()
    const leaseMs = 30 * SECOND
    const [again, last] = (await enqueueJobs(db, [
      { workspaceId, type: 'work', runAt: clock(), maxAttempts: 5 },
      { workspaceId, type: 'work', runAt: clock(), maxAttempts: 1 },
    ])) as string[]
    // What a runner that was killed after claiming leaves behind.
    await db.updateTable('jobs').set({ attempts: sql`attempts + 1`, locked_until: new Date(clock().getTime() + leaseMs) }).execute()

    const runner = createJobRunner(db, { clock, leaseMs, handlers: { work: writeEffect } })
    expect(await runner.runOnce()).toBe(0)
    clock.advance(leaseMs)
    expect(await runner.runOnce()).toBe(1)
    const byId = new Map((await jobs()).map((job) => [job.id, job]))
    expect(byId.get(again)).toMatchObject({ status: 'done', attempts: 2 })
    expect(byId.get(last)).toMatchObject({ status: 'dead', attempts: 1 })
    expect(byId.get(last)?.lastError).toContain('lease expired')
    expect(await effects()).toBe(1)
  })

  it('stop() lets the in-flight job finish and hands the rest of the batch back', async () => {
    let entered!: () => void
    const inHandler = new Promise<void>((resolve) => (entered = resolve))
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    let calls = 0
    const runner = createJobRunner(db, {
      batchSize: 10,
      pollIntervalMs: 10,
      handlers: {
        slow: async (trx, job) => {
          calls++
          entered()
          await gate
          await writeEffect(trx, job)
        },
      },
    })
    await enqueueJobs(db, Array.from({ length: 3 }, () => ({ workspaceId, type: 'slow', runAt: new Date(0) })))
    runner.start()
    await inHandler
    let stopped = false
    const stopping = runner.stop().then(() => (stopped = true))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(stopped).toBe(false)
    release()
    await stopping
    expect(calls).toBe(1)
    expect(await effects()).toBe(1)
    const states = (await jobs()).map((job) => [job.status, job.attempts, job.lockedUntil])
    expect(states.filter(([status]) => status === 'done')).toHaveLength(1)
    // The two it never started are claimable at once, without a spent attempt.
    expect(states.filter(([status]) => status === 'pending')).toEqual([
      ['pending', 0, null],
      ['pending', 0, null],
    ])

    // And it can be started again.
    runner.start()
    for (let wait = 0; wait < 200 && (await effects()) < 3; wait++) await new Promise((resolve) => setTimeout(resolve, 10))
    await runner.stop()
    expect(await effects()).toBe(3)
  })

  // PGlite has one connection: two runners there take turns, so only PostgreSQL shows real contention.
  it.runIf(engine === 'postgres')('runs every job exactly once with two runners polling the same queue', async () => {
    registerEventSubscriber({
      name: 'effect',
      async handle(trx, event) {
        await trx.insertInto('job_effects').values({ workspace_id: event.workspaceId, job_id: event.id, note: 'event' }).execute()
        await new Promise((resolve) => setTimeout(resolve, 1))
      },
    })
    const eventIds = await db.transaction().execute((trx) =>
      appendEvents(
        trx,
        Array.from({ length: 200 }, () => ({ workspaceId, object: 'company', recordId: uuidv7(), type: 'created' })),
      ),
    )
    const runners = [createJobRunner(db, { batchSize: 7, pollIntervalMs: 5 }), createJobRunner(db, { batchSize: 7, pollIntervalMs: 5 })]
    runners.forEach((runner) => runner.start())
    for (let wait = 0; wait < 1_000 && (await effects()) < eventIds.length; wait++) await new Promise((resolve) => setTimeout(resolve, 10))
    await Promise.all(runners.map((runner) => runner.stop()))
    const rows = await db.selectFrom('job_effects').select('job_id').execute()
    expect(rows).toHaveLength(eventIds.length)
    expect(new Set(rows.map((row) => row.job_id))).toEqual(new Set(eventIds))
  })
})

describe('exponentialBackoff', () => {
  it('doubles per failed attempt, keeps at least half of it, and is capped', () => {
    const low = exponentialBackoff({ baseMs: 1_000, maxMs: 60_000, random: () => 0 })
    const high = exponentialBackoff({ baseMs: 1_000, maxMs: 60_000, random: () => 1 })
    expect([1, 2, 3, 4].map(high)).toEqual([1_000, 2_000, 4_000, 8_000])
    expect([1, 2, 3, 4].map(low)).toEqual([500, 1_000, 2_000, 4_000])
    expect(high(30)).toBe(60_000)
    expect(low(1_000)).toBe(30_000)
    const jittered = exponentialBackoff({ baseMs: 1_000 })
    for (let i = 0; i < 100; i++) expect(jittered(3)).toBeGreaterThanOrEqual(2_000)
  })
})
