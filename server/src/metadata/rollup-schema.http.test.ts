import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { startTestServer, type ApiClient, type TestServer } from '../test-support/test-server.ts'
import { compileObject } from './object-catalog.ts'
import { opportunity } from './objects/opportunity.ts'
import { rollupDriftStatement, rollupTable, syncRollups } from './rollup-schema.ts'

const STAGES = ['initial_contact', 'needs_analysis', 'proposal', 'negotiation', 'won', 'lost']
const CATEGORIES = ['pipeline', 'best_case', 'commit', 'omitted']

/** A repeatable sequence of choices (mulberry32), so a failing run can be replayed. */
function randomFrom(seed: number) {
  let state = seed
  const next = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { int: (below: number) => Math.floor(next() * below), pick: <T>(items: T[]): T => items[Math.floor(next() * items.length)] }
}

/**
 * The opportunity rollups the funnel and forecast read stay equal to a fresh count of the live
 * deals through every kind of write: creates, edits of each dimension and measure, soft deletes,
 * restores, bulk creates, updates and deletes, and SQL outside the write pipeline.
 */
describe.each(testEngines)('opportunity rollups on %s', (engine) => {
  let server: TestServer
  let admin: ApiClient
  let other: ApiClient
  const owners: string[] = []
  const object = compileObject(opportunity)

  const drift = async () => {
    const rows = []
    for (const rollup of object.rollups!) rows.push(...(await sql.raw(rollupDriftStatement(object, rollup)).execute(server.database.db)).rows)
    return rows
  }

  beforeAll(async () => {
    server = await startTestServer(engine)
    ;({ admin } = await server.newWorkspace('汇总测试'))
    ;({ admin: other } = await server.newWorkspace('另一个空间'))
    const users = await admin.post('/api/v1/users/bulk', { create: [
      { name: '甲', email: 'jia@rollup.cn', role: 'rep', password: 'a long enough password' },
      { name: '乙', email: 'yi@rollup.cn', role: 'manager', password: 'a long enough password' },
    ] })
    expect(users.status, JSON.stringify(users.body)).toBe(200)
    owners.push(...users.body.created.map((user: { id: string }) => user.id), (await admin.get('/api/auth/me')).body.user.id)
  })
  afterAll(async () => server?.close())

  it('stay exact through 150 random writes of every kind', async () => {
    const random = randomFrom(20261122)
    const live: string[] = []
    const deleted: string[] = []
    const body = () => {
      const won = random.int(5) === 0
      return {
        name: `商机 ${random.int(1000)}`,
        stage: won ? 'won' : random.pick(STAGES.slice(0, 4)),
        ...(won && { won_reason: 'price' }),
        owner_id: random.pick(owners),
        ...(random.int(4) > 0 && { amount: { amount: `${random.int(100000)}.${random.int(100)}`, currency: random.pick(['CNY', 'USD']) } }),
        ...(random.int(3) > 0 && { expected_close_date: `2026-${String(1 + random.int(12)).padStart(2, '0')}-${String(1 + random.int(28)).padStart(2, '0')}` }),
        ...(!won && random.int(2) > 0 && { forecast_category: random.pick(CATEGORIES.slice(0, 3)) }),
      }
    }
    const edits = [
      () => ({ stage: random.pick(STAGES.slice(0, 4)) }),
      () => ({ stage: 'lost', lost_reason: 'price' }),
      () => ({ amount: random.int(3) === 0 ? null : { amount: `${random.int(50000)}.50`, currency: random.pick(['CNY', 'USD']) } }),
      () => ({ expected_close_date: random.int(4) === 0 ? null : `2027-0${1 + random.int(9)}-15` }),
      () => ({ owner_id: random.pick(owners) }),
      () => ({ probability: random.int(101), forecast_category: random.pick(CATEGORIES) }),
      () => ({ name: `改名 ${random.int(1000)}` }),
    ]
    for (let step = 0; step < 150; step++) {
      const action = live.length < 4 ? 0 : random.int(8)
      if (action <= 1) {
        const created = await admin.post('/api/v1/opportunities', body())
        expect(created.status, JSON.stringify(created.body)).toBe(201)
        live.push(created.body.id)
      } else if (action <= 3) {
        const id = random.pick(live)
        const edited = await admin.patch(`/api/v1/opportunities/${id}`, random.pick(edits)())
        expect([200, 422], JSON.stringify(edited.body)).toContain(edited.status)
      } else if (action === 4) {
        const id = live.splice(random.int(live.length), 1)[0]
        expect((await admin.delete(`/api/v1/opportunities/${id}`)).status).toBe(200)
        deleted.push(id)
      } else if (action === 5 && deleted.length > 0) {
        const id = deleted.splice(random.int(deleted.length), 1)[0]
        expect((await admin.post(`/api/v1/opportunities/${id}/restore`)).status).toBe(200)
        live.push(id)
      } else if (action === 6) {
        const bulk = await admin.post('/api/v1/opportunities/bulk', {
          create: [body(), body(), body()],
          update: [{ id: random.pick(live), stage: random.pick(STAGES.slice(0, 4)) }],
        })
        expect(bulk.status, JSON.stringify(bulk.body)).toBe(200)
        live.push(...bulk.body.created.map((record: { id: string }) => record.id))
      } else {
        const gone = [live.pop()!, live.shift()!]
        const bulk = await admin.post('/api/v1/opportunities/bulk', { delete: gone })
        expect(bulk.status, JSON.stringify(bulk.body)).toBe(200)
        deleted.push(...gone)
      }
    }
    await other.post('/api/v1/opportunities', { name: 'elsewhere', stage: 'proposal', amount: { amount: '5.00', currency: 'CNY' }, expected_close_date: '2026-06-01' })
    await sql`update opportunities set amount = amount * 2, stage = 'negotiation' where stage = 'proposal'`.execute(server.database.db)
    expect(await drift()).toEqual([])
    const funnelRows = await sql<{ rows: string }>`select count(*) as rows from ${sql.table(rollupTable(object, object.rollups![0]))}`.execute(server.database.db)
    expect(Number(funnelRows.rows[0].rows)).toBeGreaterThan(10)
  })

  it('are checked by a count that notices when they are off', async () => {
    const table = sql.table(rollupTable(object, object.rollups!.find((rollup) => rollup.name === 'forecast')!))
    await sql`update ${table} set amount = amount + 1 where ctid = (select min(ctid) from ${table} where count > 0)`.execute(server.database.db)
    expect((await drift()).length).toBe(2)
    await sql`update ${table} set amount = amount - 1 where ctid = (select min(ctid) from ${table} where count > 0)`.execute(server.database.db)
  })

  it('are rebuilt from the deals when their declaration changes', async () => {
    const changed = compileObject({
      ...opportunity,
      rollups: object.rollups!.map((rollup) => (rollup.name === 'forecast' ? { ...rollup, measures: [...rollup.measures, { name: 'with_next_step', countOf: 'next_step' }] } : rollup)),
    })
    await admin.post('/api/v1/opportunities', { name: 'next step', stage: 'proposal', next_step: '演示', expected_close_date: '2026-09-09' })
    await syncRollups(server.database.db, changed)
    const forecast = changed.rollups!.find((rollup) => rollup.name === 'forecast')!
    expect((await sql.raw(rollupDriftStatement(changed, forecast)).execute(server.database.db)).rows).toEqual([])
    const counted = await sql<{ total: string }>`select sum(with_next_step) as total from opportunities_forecast_rollup`.execute(server.database.db)
    expect(Number(counted.rows[0].total)).toBe(1)
    await syncRollups(server.database.db, object)
    expect(await drift()).toEqual([])
  })
})
