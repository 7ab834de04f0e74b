import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { startTestServer, type ApiClient, type TestServer } from '../test-support/test-server.ts'

const PASSWORD = 'a long enough password'
const cny = (amount: string) => ({ amount, currency: 'CNY' })
const fieldsOf = (body: { error: { fields: Array<{ field: string; code: string }> } }) => body.error.fields.map((f) => [f.field, f.code])

/**
 * A hand-built quarter: Anna (team East) and Bai (team West) open, move, win and lose deals on
 * known days; every figure of the funnel and the forecast below is worked out by hand from them.
 */
describe.each(testEngines)('sales funnel and forecast on %s', (engine) => {
  let now = new Date('2026-01-10T02:00:00Z')
  const clock = () => now
  const at = (iso: string) => (now = new Date(iso))
  let server: TestServer
  let admin: ApiClient, anna: ApiClient, bai: ApiClient
  const ids: Record<string, string> = {}
  let east: string, west: string

  const open = async (client: ApiClient, key: string, body: Record<string, unknown>) => {
    const response = await client.post('/api/v1/opportunities', { name: key, ...body })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    ids[key] = response.body.id
  }
  const move = async (client: ApiClient, key: string, body: Record<string, unknown>) => {
    const response = await client.patch(`/api/v1/opportunities/${ids[key]}`, body)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
  }
  const ok = async (client: ApiClient, path: string) => {
    const response = await client.get(path)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    return response.body
  }

  beforeAll(async () => {
    server = await startTestServer(engine, { now: clock })
    ;({ admin } = await server.newWorkspace('分析测试'))
    const withKey = async (client: ApiClient) => client.withApiKey((await client.post('/api/auth/api-keys', { name: 'test' })).body.key)
    admin = await withKey(admin)
    east = (await admin.post('/api/v1/teams', { name: '华东' })).body.id
    west = (await admin.post('/api/v1/teams', { name: '华西' })).body.id
    const users = await admin.post('/api/v1/users/bulk', { create: [
      { name: '安娜', email: 'anna@acme.cn', role: 'rep', team_id: east, password: PASSWORD },
      { name: '白杨', email: 'bai@acme.cn', role: 'rep', team_id: west, password: PASSWORD },
    ] })
    expect(users.status, JSON.stringify(users.body)).toBe(200)
    ids.anna = users.body.created[0].id
    ids.bai = users.body.created[1].id
    anna = await withKey(await server.signIn('anna@acme.cn', PASSWORD))
    bai = await withKey(await server.signIn('bai@acme.cn', PASSWORD))

    // Before the period: one deal of Bai's.
    await open(bai, 'B4', { stage: 'proposal', probability: 33, amount: cny('333.33'), expected_close_date: '2026-02-15' })
    at('2026-03-02T02:00:00Z')
    await open(anna, 'A1', { stage: 'initial_contact', amount: cny('100.00'), expected_close_date: '2026-04-20' })
    await open(anna, 'A2', { stage: 'initial_contact', amount: cny('200.00'), expected_close_date: '2026-05-10' })
    await open(anna, 'A3', { stage: 'proposal', amount: cny('300.00'), expected_close_date: '2026-03-20' })
    await open(anna, 'A4', { stage: 'initial_contact', amount: cny('1000.00'), expected_close_date: '2026-03-31' })
    await open(anna, 'A5', { stage: 'negotiation', amount: { amount: '50.00', currency: 'USD' }, expected_close_date: '2026-06-30', forecast_category: 'commit' })
    await move(anna, 'A2', { stage: 'needs_analysis', forecast_category: 'best_case' })
    await move(anna, 'A4', { stage: 'proposal' })
    at('2026-03-05T02:00:00Z')
    await open(bai, 'B1', { stage: 'needs_analysis', amount: cny('2000.50'), expected_close_date: '2026-04-02' })
    await open(bai, 'B2', { stage: 'initial_contact', amount: cny('150.25'), expected_close_date: '2026-02-01' })
    await open(bai, 'B3', { stage: 'proposal', expected_close_date: '2026-05-05' })
    await move(bai, 'B2', { stage: 'lost', lost_reason: 'no_budget' })
    await move(anna, 'A3', { stage: 'negotiation' })
    at('2026-03-12T02:00:00Z')
    await move(anna, 'A4', { stage: 'won', won_reason: 'price' })
    await move(anna, 'A3', { stage: 'lost', lost_reason: 'price' })
    at('2026-03-25T02:00:00Z')
    await move(bai, 'B1', { stage: 'won', won_reason: 'relationship' })

    const quotas = await admin.post('/api/v1/quotas/bulk', { create: [
      { user_id: ids.anna, period_type: 'quarter', year: 2026, period_number: 1, amount: cny('1000.00') },
      { user_id: ids.anna, period_type: 'month', year: 2026, period_number: 4, amount: cny('500.00') },
      { user_id: ids.anna, period_type: 'month', year: 2026, period_number: 5, amount: cny('500.00') },
      { user_id: ids.anna, period_type: 'month', year: 2026, period_number: 6, amount: cny('1000.00') },
      { user_id: ids.bai, period_type: 'quarter', year: 2026, period_number: 2, amount: cny('4001.00') },
      { team_id: east, period_type: 'quarter', year: 2026, period_number: 2, amount: cny('3000.00') },
    ] })
    expect(quotas.status, JSON.stringify(quotas.body)).toBe(200)
  })
  afterAll(async () => server?.close())

  const byValue = (funnel: { stages: Array<Record<string, unknown>> }) => Object.fromEntries(funnel.stages.map((stage) => [stage.value, stage]))

  it('counts, sums and converts the period’s opportunities stage by stage', async () => {
    const funnel = await ok(admin, '/api/v1/sales/funnel?from=2026-03-01&to=2026-03-31')
    expect(funnel.pipeline.name).toBe('标准销售流程')
    expect(funnel.stages.map((s: Record<string, unknown>) => [s.value, s.count, s.amounts, s.reached, s.conversion_rate])).toEqual([
      ['initial_contact', 1, { CNY: '100.00' }, 8, 0.75],
      ['needs_analysis', 1, { CNY: '200.00' }, 6, 0.8333],
      ['proposal', 1, {}, 5, 0.8],
      ['negotiation', 1, { USD: '50.00' }, 4, 0.5],
      ['won', 2, { CNY: '3000.50' }, 2, null],
      ['lost', 2, { CNY: '450.25' }, 2, null],
    ])
    expect(funnel.total).toEqual({ count: 8, amounts: { CNY: '3750.75', USD: '50.00' } })
    expect(funnel.won).toEqual({ count: 2, amounts: { CNY: '3000.50' } })
    expect(funnel.lost).toEqual({ count: 2, amounts: { CNY: '450.25' } })
    expect(funnel.win_rate).toBe(0.5)
    expect(funnel.average_cycle_days).toBe(15)
    // Without a period: every opportunity, Bai's January deal too.
    const all = await ok(admin, '/api/v1/sales/funnel')
    expect(byValue(all).proposal).toMatchObject({ count: 2, amounts: { CNY: '333.33' } })
    expect(all.total.count).toBe(9)
  })

  it('counts only a rep’s own opportunities, and filters by owner and team', async () => {
    const own = await ok(anna, '/api/v1/sales/funnel?from=2026-03-01&to=2026-03-31')
    expect(own.stages.map((s: Record<string, unknown>) => [s.value, s.count, s.reached])).toEqual([
      ['initial_contact', 1, 5], ['needs_analysis', 1, 4], ['proposal', 0, 3], ['negotiation', 1, 3], ['won', 1, 1], ['lost', 1, 1],
    ])
    expect(own.total).toEqual({ count: 5, amounts: { CNY: '1600.00', USD: '50.00' } })
    expect(own.win_rate).toBe(0.5)
    expect(own.average_cycle_days).toBe(10)
    // A rep asking for someone else's deals still gets only their own (none of Bai's).
    expect((await ok(anna, `/api/v1/sales/funnel?owner=${ids.bai}`)).total.count).toBe(0)
    const byOwner = await ok(admin, `/api/v1/sales/funnel?from=2026-03-01&to=2026-03-31&owner=${ids.bai}`)
    expect(byOwner.total).toEqual({ count: 3, amounts: { CNY: '2150.75' } })
    expect(byOwner.average_cycle_days).toBe(20)
    expect((await ok(admin, `/api/v1/sales/funnel?from=2026-03-01&to=2026-03-31&team=${east}`)).total.count).toBe(5)
    expect((await ok(admin, '/api/v1/sales/funnel?from=2026-03-03&to=2026-03-05')).total.count).toBe(3)
  })

  it('counts a period of whole months and loose days alike, on the workspace’s days', async () => {
    const count = async (query: string) => (await ok(admin, `/api/v1/sales/funnel?${query}`)).total.count
    // B4 was created on 10 January, A1–A5 on 2 March, B1–B3 on 5 March (Beijing time).
    expect(await count('from=2026-01-05&to=2026-03-02')).toBe(6)
    expect(await count('from=2026-01-11&to=2026-03-04')).toBe(5)
    expect(await count('from=2026-01-10&to=2026-03-05')).toBe(9)
    expect(await count('from=2026-01-11')).toBe(8)
    expect(await count('to=2026-03-04')).toBe(6)
    expect(await count('from=2025-12-01&to=2026-02-28')).toBe(1)
    const split = await Promise.all(['from=2026-01-05&to=2026-01-31', 'from=2026-02-01&to=2026-02-28', 'from=2026-03-01&to=2026-03-02'].map(count))
    expect(split).toEqual([1, 0, 5])
  })

  it('sums the forecast per quarter and owner against quota, exactly', async () => {
    const forecast = await ok(admin, '/api/v1/sales/forecast?period=quarter&year=2026')
    expect(forecast.buckets.map((b: { bucket: number }) => b.bucket)).toEqual([1, 2, 3, 4])
    const rows = (bucket: number) => Object.fromEntries(forecast.buckets[bucket - 1].rows.map((row: Record<string, unknown>) => [`${forecast.names[row.key as string]} ${row.currency}`, row]))
    const zeros = { pipeline: '0.00', best_case: '0.00', commit: '0.00', weighted: '0.00', closed_won: '0.00' }
    expect(rows(1)).toEqual({
      '安娜 CNY': { key: ids.anna, currency: 'CNY', count: 1, ...zeros, closed_won: '1000.00', quota: '1000.00', attainment: 1 },
      '白杨 CNY': { key: ids.bai, currency: 'CNY', count: 1, ...zeros, pipeline: '333.33', weighted: '109.9989', quota: null, attainment: null },
    })
    expect(rows(2)).toEqual({
      '安娜 CNY': { key: ids.anna, currency: 'CNY', count: 2, ...zeros, pipeline: '100.00', best_case: '200.00', weighted: '60.00', quota: '2000.00', attainment: 0 },
      '安娜 USD': { key: ids.anna, currency: 'USD', count: 1, ...zeros, commit: '50.00', weighted: '37.50', quota: null, attainment: null },
      '白杨 CNY': { key: ids.bai, currency: 'CNY', count: 2, ...zeros, closed_won: '2000.50', quota: '4001.00', attainment: 0.5 },
    })
    expect(forecast.buckets[1].totals).toEqual([
      { key: null, currency: 'CNY', count: 4, ...zeros, pipeline: '100.00', best_case: '200.00', weighted: '60.00', closed_won: '2000.50', quota: '6001.00', attainment: 0.3334 },
      { key: null, currency: 'USD', count: 1, ...zeros, commit: '50.00', weighted: '37.50', quota: null, attainment: null },
    ])
    expect(forecast.buckets[2].rows).toEqual([])
  })

  it('groups the forecast by month or team, and shows a rep only their own figures and quota', async () => {
    const monthly = await ok(admin, '/api/v1/sales/forecast?period=month&year=2026')
    expect(monthly.buckets).toHaveLength(12)
    const april = monthly.buckets[3].rows
    expect(april.map((row: Record<string, unknown>) => [row.key, row.count, row.pipeline, row.closed_won, row.quota])).toEqual(
      expect.arrayContaining([[ids.anna, 1, '100.00', '0.00', '500.00'], [ids.bai, 1, '0.00', '2000.50', null]]))
    expect(april).toHaveLength(2)
    const teams = await ok(admin, '/api/v1/sales/forecast?period=quarter&year=2026&group=team')
    const q2 = Object.fromEntries(teams.buckets[1].rows.filter((row: { currency: string }) => row.currency === 'CNY').map((row: Record<string, unknown>) => [row.key, row]))
    // East has its own quarter quota; West has none, so its members' quotas add up.
    expect(q2[east]).toMatchObject({ weighted: '60.00', closed_won: '0.00', quota: '3000.00', attainment: 0 })
    expect(q2[west]).toMatchObject({ closed_won: '2000.50', quota: '4001.00', attainment: 0.5 })
    const own = await ok(anna, '/api/v1/sales/forecast?year=2026')
    const keys = new Set(own.buckets.flatMap((bucket: { rows: Array<{ key: string }> }) => bucket.rows.map((row) => row.key)))
    expect([...keys]).toEqual([ids.anna])
    expect(own.buckets[1].totals.find((row: { currency: string }) => row.currency === 'CNY')).toMatchObject({ weighted: '60.00', quota: '2000.00' })
  })

  it('refuses bad parameters with the field and a reason, and an unknown pipeline with 404', async () => {
    const bad = await admin.get('/api/v1/sales/funnel?from=2026-13-01&to=2026-03-01&pipeline=nope&owner=x')
    expect(bad.status).toBe(400)
    expect(fieldsOf(bad.body)).toEqual([['pipeline', 'invalid_id'], ['owner', 'invalid_id'], ['from', 'invalid_date']])
    const reversed = await admin.withLanguage('zh-CN').get('/api/v1/sales/funnel?from=2026-03-31&to=2026-03-01')
    expect(fieldsOf(reversed.body)).toEqual([['from', 'invalid_range']])
    expect(reversed.body.error.fields[0].message).toBe('开始日期不能晚于结束日期。')
    const forecast = await admin.get('/api/v1/sales/forecast?period=week&year=99&group=region')
    expect(fieldsOf(forecast.body)).toEqual([['period', 'invalid_option'], ['group', 'invalid_option'], ['year', 'out_of_range']])
    expect((await admin.get('/api/v1/sales/funnel?pipeline=0190a000-0000-7000-8000-000000000000')).status).toBe(404)
    expect((await admin.get('/api/v1/sales/funnel?from[x]=1')).status).toBe(400)
  })

  it('checks quotas: one target, a real period, once per target and period; reps only read them', async () => {
    const both = await admin.post('/api/v1/quotas', { user_id: ids.anna, team_id: east, period_type: 'month', year: 2026, period_number: 1, amount: cny('1.00') })
    expect(fieldsOf(both.body)).toEqual([['team_id', 'quota_target']])
    const quarter = await admin.post('/api/v1/quotas', { user_id: ids.anna, period_type: 'quarter', year: 2026, period_number: 5, amount: cny('1.00') })
    expect(fieldsOf(quarter.body)).toEqual([['period_number', 'invalid_period']])
    const again = await admin.post('/api/v1/quotas', { user_id: ids.bai, period_type: 'quarter', year: 2026, period_number: 2, amount: cny('1.00') })
    expect(again.status).toBe(409)
    expect((await anna.post('/api/v1/quotas', { user_id: ids.anna, period_type: 'month', year: 2026, period_number: 1, amount: cny('1.00') })).status).toBe(403)
    const named = (await ok(anna, `/api/v1/quotas?filter[user_id][eq]=${ids.anna}&filter[period_type][eq]=quarter`)).data
    expect(named.map((quota: { name: string }) => quota.name)).toEqual(['2026 Q1 · 安娜'])
  })
})
