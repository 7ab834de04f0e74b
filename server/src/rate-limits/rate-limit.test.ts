import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../db/database.ts'
import { openTestDatabase, testEngines } from '../test-support/test-database.ts'
import { clearHits, NO_WORKSPACE_ID, takeHit, type RateLimit } from './rate-limit.ts'

const WS = '01a30000-0000-7000-8000-000000000001'
const OTHER_WS = '01a30000-0000-7000-8000-000000000002'
const T0 = new Date('2026-06-01T09:00:00Z').getTime()
const at = (seconds: number) => new Date(T0 + seconds * 1000)
const THREE_A_MINUTE: RateLimit = { name: 'test', max: 3, windowMs: 60_000 }
const TEN_AN_HOUR: RateLimit = { name: 'burst', max: 10, windowMs: 3_600_000 }

describe.each(testEngines)('rate limit on %s', (engine) => {
  let database: Database
  beforeAll(async () => {
    database = await openTestDatabase(engine)
  })
  afterAll(async () => database?.close())

  const take = (key: string, seconds: number, limit = THREE_A_MINUTE, workspaceId = WS) => takeHit(database.db, limit, { workspaceId, key }, at(seconds))

  it('counts hits within the sliding window and says when the oldest leaves it', async () => {
    expect([await take('slide', 0), await take('slide', 10), await take('slide', 20)]).toEqual(Array(3).fill({ allowed: true }))
    expect(await take('slide', 30)).toEqual({ allowed: false, retryAfterSeconds: 30 })
    expect(await take('slide', 59.5)).toEqual({ allowed: false, retryAfterSeconds: 1 })
    // The hit at 0 leaves at 60; the refused ones were never counted.
    expect(await take('slide', 60)).toEqual({ allowed: true })
    expect(await take('slide', 61)).toEqual({ allowed: false, retryAfterSeconds: 9 })
    expect(await take('slide', 70)).toEqual({ allowed: true })
  })

  it('counts each key, limit and workspace apart', async () => {
    for (let i = 0; i < 3; i++) await take('apart', 0)
    expect((await take('apart', 1)).allowed).toBe(false)
    expect((await take('apart-2', 1)).allowed).toBe(true)
    expect((await take('apart', 1, THREE_A_MINUTE, OTHER_WS)).allowed).toBe(true)
    expect((await take('apart', 1, THREE_A_MINUTE, NO_WORKSPACE_ID)).allowed).toBe(true)
    expect((await take('apart', 1, TEN_AN_HOUR)).allowed).toBe(true)
  })

  it('starts again from nothing once cleared', async () => {
    for (let i = 0; i < 3; i++) await take('cleared', 0)
    expect((await take('cleared', 1)).allowed).toBe(false)
    await clearHits(database.db, THREE_A_MINUTE, { workspaceId: WS, key: 'cleared' })
    expect((await take('cleared', 1)).allowed).toBe(true)
  })

  it('never lets concurrent hits past the limit', async () => {
    const decisions = await Promise.all(Array.from({ length: 30 }, () => take('concurrent', 0, TEN_AN_HOUR)))
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10)
    const stored = await database.db.selectFrom('rate_limit_hits').select('id').where('key', '=', 'concurrent').execute()
    expect(stored).toHaveLength(10)
  })
})

// The point of keeping hits in the database: processes on one PostgreSQL share each limit.
describe.runIf(process.env.TEST_DATABASE_URL)('rate limit across connections to one PostgreSQL database', () => {
  let first: Database & { url?: string }
  let second: Database
  beforeAll(async () => {
    first = await openTestDatabase('postgres')
    second = await openDatabase({ databaseUrl: first.url, dataDir: '' })
  })
  afterAll(async () => {
    await second?.close()
    await first?.close()
  })

  it('allows exactly the limit between two handles hit at once', async () => {
    const subject = { workspaceId: WS, key: 'two-processes' }
    const decisions = await Promise.all(Array.from({ length: 30 }, (_, i) => takeHit((i % 2 ? first : second).db, TEN_AN_HOUR, subject, at(i))))
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10)
    expect(await takeHit(first.db, TEN_AN_HOUR, subject, at(31))).toMatchObject({ allowed: false })
    expect(await takeHit(second.db, TEN_AN_HOUR, subject, at(31))).toMatchObject({ allowed: false })
  })
})
