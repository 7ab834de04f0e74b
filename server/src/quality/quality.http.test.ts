import { beforeAll, describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { useServerWithWorkspace, type ApiClient } from '../test-support/test-server.ts'

const PASSWORD = 'a long enough password'

describe.each(testEngines)('data quality on %s', (engine) => {
  const env = useServerWithWorkspace(engine)
  let rep: ApiClient
  let repId: string
  let adminId: string
  let teamId: string
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    teamId = (await env.admin.post('/api/v1/teams', { name: '华东销售部' })).body.id
    const users = await env.admin.post('/api/v1/users/bulk', { create: [{ name: '李雷', email: 'quality-rep@acme.cn', role: 'rep', password: PASSWORD, team_id: teamId }] })
    expect(users.status, JSON.stringify(users.body)).toBe(200)
    repId = users.body.created[0].id
    rep = await env.server.signIn('quality-rep@acme.cn', PASSWORD)
    adminId = (await env.admin.get('/api/v1/users?filter[role]=admin')).body.data[0].id
    // Default account weights: industry 2, phone 2, email 1, city 1, address 1, tier 1, source 1, website 1 (total 10).
    ids.full = (await env.admin.post('/api/v1/accounts', {
      name: '完整客户', industry: 'manufacturing', phone: '13800138000', email: 'a@acme.cn', city: '苏州',
      address: { city: '苏州' }, tier: 'a', source: 'referral', website: 'https://acme.cn',
    })).body.id
    ids.half = (await env.admin.post('/api/v1/accounts', { name: '一半客户', industry: 'finance', phone: '13800138001', city: '上海' })).body.id
    ids.empty = (await rep.post('/api/v1/accounts', { name: '空客户' })).body.id
  })

  it('scores one record and lists its missing fields, heaviest first', async () => {
    expect((await env.admin.get(`/api/v1/accounts/${ids.full}/completeness`)).body).toMatchObject({ score: 100, missing: [] })
    const half = await env.admin.get(`/api/v1/accounts/${ids.half}/completeness`)
    expect(half.status, JSON.stringify(half.body)).toBe(200)
    expect(half.body.score).toBe(50)
    expect(half.body.missing.map((m: { field: string }) => m.field).sort()).toEqual(['address', 'email', 'source', 'tier', 'website'])
    const empty = await rep.get(`/api/v1/accounts/${ids.empty}/completeness`)
    expect(empty.body.score).toBe(0)
    expect(empty.body.missing.slice(0, 2).map((m: { field: string }) => m.field).sort()).toEqual(['industry', 'phone'])
    expect((await rep.get(`/api/v1/accounts/${ids.full}/completeness`)).status).toBe(404)
    expect((await env.admin.get('/api/v1/accounts/not-an-id/completeness')).status).toBe(404)
  })

  it('reports the 完整率 KPI per owner and per team over the caller\'s records', async () => {
    const byOwner = await env.admin.get('/api/v1/accounts/completeness?group_by=owner_id')
    expect(byOwner.status, JSON.stringify(byOwner.body)).toBe(200)
    expect(byOwner.body).toMatchObject({ count: 3, score: 50 })
    expect(byOwner.body.fields).toContainEqual({ field: 'industry', weight: 2, filled: 2 })
    const owners = Object.fromEntries(byOwner.body.groups.map((g: { value: string }) => [g.value, g]))
    expect(owners[adminId]).toEqual({ value: adminId, count: 2, score: 75 })
    expect(owners[repId]).toEqual({ value: repId, count: 1, score: 0 })
    const byTeam = await env.admin.get('/api/v1/accounts/completeness?group_by=team')
    const teams = Object.fromEntries(byTeam.body.groups.map((g: { value: string | null }) => [String(g.value), g]))
    expect(teams[teamId]).toEqual({ value: teamId, count: 1, score: 0 })
    expect(teams.null).toEqual({ value: null, count: 2, score: 75 })
    expect((await rep.get('/api/v1/accounts/completeness')).body).toMatchObject({ count: 1, score: 0 })
    expect((await env.admin.get('/api/v1/accounts/completeness?filter[industry]=finance')).body).toMatchObject({ count: 1, score: 50 })
    const bad = await env.admin.get('/api/v1/accounts/completeness?group_by=city')
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields[0]).toMatchObject({ field: 'group_by', code: 'invalid_option' })
  })

  it('lets an administrator override the weights per workspace', async () => {
    const refused = await rep.request('PUT', '/api/v1/quality/settings/accounts', { weights: { email: 1 } })
    expect(refused.status).toBe(403)
    const bad = await env.admin.request('PUT', '/api/v1/quality/settings/accounts', { weights: { email: 'x', nope: 1, last_activity_at: 1 } })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['weights.email', 'weights.nope', 'weights.last_activity_at'])
    const saved = await env.admin.request('PUT', '/api/v1/quality/settings/accounts', { weights: { email: 1, phone: 3 } })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    expect(saved.body).toMatchObject({ weights: { email: 1, phone: 3 }, custom_weights: true })
    expect((await env.admin.get(`/api/v1/accounts/${ids.half}/completeness`)).body).toMatchObject({ score: 75, missing: [{ field: 'email', weight: 1 }] })
    const reset = await env.admin.request('PUT', '/api/v1/quality/settings/accounts', { weights: null })
    expect(reset.body.custom_weights).toBe(false)
    expect((await env.admin.get(`/api/v1/accounts/${ids.half}/completeness`)).body.score).toBe(50)
  })

  it('enforces required fields by stage, naming them in the user\'s language', async () => {
    const rule = await env.admin.request('PUT', '/api/v1/quality/settings/opportunities', {
      stage_rules: [{ field: 'stage', value: 'proposal', required: ['amount', 'expected_close_date'] }],
    })
    expect(rule.status, JSON.stringify(rule.body)).toBe(200)
    const refused = await env.admin.withLanguage('zh-CN').post('/api/v1/opportunities', { name: '报价中', stage: 'proposal', amount: { amount: '100.00', currency: 'CNY' } })
    expect(refused.status).toBe(422)
    expect(refused.body.error.fields).toEqual([{ field: 'expected_close_date', code: 'required_at_stage', message: '处于“方案报价”阶段时必填。' }])
    const early = await env.admin.post('/api/v1/opportunities', { name: '初步', stage: 'initial_contact' })
    expect(early.status).toBe(201)
    const moved = await env.admin.patch(`/api/v1/opportunities/${early.body.id}`, { stage: 'proposal' })
    expect(moved.status).toBe(422)
    expect(moved.body.error.fields.map((f: { field: string; message: string }) => [f.field, f.message])).toEqual([
      ['amount', 'Required when the stage is "Proposal / quote".'],
      ['expected_close_date', 'Required when the stage is "Proposal / quote".'],
    ])
    expect((await env.admin.get(`/api/v1/opportunities/${early.body.id}`)).body.stage).toBe('initial_contact')
    const ok = await env.admin.patch(`/api/v1/opportunities/${early.body.id}`, { stage: 'proposal', amount: { amount: '5.00', currency: 'CNY' }, expected_close_date: '2026-09-01' })
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
    const cleared = await env.admin.patch(`/api/v1/opportunities/${early.body.id}`, { expected_close_date: null })
    expect(cleared.body.error.fields[0]).toMatchObject({ field: 'expected_close_date', code: 'required_at_stage' })
    const bulk = await env.admin.post('/api/v1/opportunities/bulk', { create: [{ name: 'ok', stage: 'won' }, { name: 'bad', stage: 'proposal' }] })
    expect(bulk.status).toBe(422)
    expect(bulk.body.error.fields[0].field).toBe('create[1].amount')
    expect((await env.admin.get('/api/v1/opportunities/aggregate?filter[name]=ok')).body.count).toBe(0)
    const badRule = await env.admin.request('PUT', '/api/v1/quality/settings/opportunities', { stage_rules: [{ field: 'stage', value: 'nope', required: ['amount'] }, { field: 'name', value: 'x', required: [] }] })
    expect(badRule.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['stage_rules[0].value', 'stage_rules[1].field'])
  })
})
