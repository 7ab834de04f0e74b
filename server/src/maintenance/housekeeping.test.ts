import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/database.ts'
import { createJobRunner } from '../events/job-runner.ts'
import { enqueueJob } from '../events/job-queue.ts'
import { NO_WORKSPACE_ID } from '../rate-limits/rate-limit.ts'
import { openTestDatabase, testEngines } from '../test-support/test-database.ts'
import { HOUSEKEEPING_JOB, housekeeping } from './housekeeping.ts'

const WS = '01a20000-0000-7000-8000-000000000001'

describe.each(testEngines)('housekeeping on %s', (engine) => {
  let database: Database
  beforeAll(async () => {
    database = await openTestDatabase(engine)
  })
  afterAll(async () => database?.close())

  it('removes finished jobs, expired sessions, old idempotency keys and rate-limit hits out of their window, and keeps the rest', async () => {
    const now = new Date('2026-06-01T00:00:00Z')
    const db = database.db
    const old = new Date('2026-05-01T00:00:00Z')
    await db.insertInto('jobs').values([
      { workspace_id: WS, id: '01a20000-0000-7000-8000-0000000000a1', type: 'x', status: 'done', finished_at: old, run_at: old },
      { workspace_id: WS, id: '01a20000-0000-7000-8000-0000000000a2', type: 'x', status: 'done', finished_at: new Date('2026-05-31T00:00:00Z'), run_at: old },
      { workspace_id: WS, id: '01a20000-0000-7000-8000-0000000000a3', type: 'x', status: 'pending', run_at: old },
    ]).execute()
    await db.insertInto('sessions').values([
      { workspace_id: WS, token_hash: 'expired', user_id: WS, expires_at: old },
      { workspace_id: WS, token_hash: 'live', user_id: WS, expires_at: new Date('2026-07-01T00:00:00Z') },
    ]).execute()
    await db.insertInto('idempotency_keys').values({ workspace_id: WS, key: 'k', user_id: WS, request_hash: 'h', status: 201, response: '{}', created_at: old }).execute()
    await db.insertInto('rate_limit_hits').values([
      { workspace_id: WS, limit_name: 'web-form', key: 'gone', id: '01a20000-0000-7000-8000-0000000000b1', expires_at: old },
      { workspace_id: NO_WORKSPACE_ID, limit_name: 'sign-in', key: 'gone', id: '01a20000-0000-7000-8000-0000000000b2', expires_at: now },
      { workspace_id: NO_WORKSPACE_ID, limit_name: 'sign-in', key: 'counting', id: '01a20000-0000-7000-8000-0000000000b3', expires_at: new Date('2026-06-01T00:10:00Z') },
    ]).execute()
    await enqueueJob(db, { workspaceId: WS, type: HOUSEKEEPING_JOB, runAt: now })
    const runner = createJobRunner(db, { handlers: { [HOUSEKEEPING_JOB]: housekeeping }, clock: () => now })
    expect(await runner.runOnce()).toBe(1)
    const jobs = await db.selectFrom('jobs').select('id').where('type', '=', 'x').orderBy('id').execute()
    expect(jobs.map((job) => job.id.slice(-2))).toEqual(['a2', 'a3'])
    expect((await db.selectFrom('sessions').select('token_hash').execute()).map((row) => row.token_hash)).toEqual(['live'])
    expect(await db.selectFrom('idempotency_keys').selectAll().execute()).toEqual([])
    expect((await db.selectFrom('rate_limit_hits').select('key').execute()).map((row) => row.key)).toEqual(['counting'])
  })
})
