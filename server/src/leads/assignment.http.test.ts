import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { startTestServer, type ApiClient, type TestServer } from '../test-support/test-server.ts'

const PASSWORD = 'a long enough password'

interface Lead { id: string; owner_id: string | null }

describe.each(testEngines)('lead assignment rules on %s', (engine) => {
  let server: TestServer
  let admin: ApiClient, rep: ApiClient
  const users: Record<string, string> = {}
  const clients: Record<string, ApiClient> = {}
  const rules: Record<string, { id: string }> = {}

  const createLead = async (values: Record<string, unknown>, client = admin): Promise<Lead> => {
    const created = await client.post('/api/v1/leads', { owner_id: null, ...values })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    return created.body
  }
  const ownerName = (id: string | null) => Object.entries(users).find(([, userId]) => userId === id)?.[0] ?? null
  const addRule = async (values: Record<string, unknown>) => {
    const created = await admin.post('/api/v1/lead_assignment_rules', values)
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    rules[values.name as string] = created.body
    return created.body
  }

  beforeAll(async () => {
    server = await startTestServer(engine)
    ;({ admin } = await server.newWorkspace('分配测试'))
    const east = (await admin.post('/api/v1/teams', { name: '华东销售部' })).body.id
    const south = (await admin.post('/api/v1/teams', { name: '华南销售部' })).body.id
    const people = [
      ['李雷', east], ['韩梅梅', east], ['王芳', east], ['前员工', east],
      ['陈刚', south], ['林娜', south], ['黄磊', south], ['赵强', null], ['值班经理', null],
    ] as const
    const created = await admin.post('/api/v1/users/bulk', {
      create: people.map(([name, team], index) => ({ name, email: `assign${index}@acme.cn`, role: 'rep', team_id: team, password: PASSWORD })),
    })
    expect(created.status, JSON.stringify(created.body)).toBe(200)
    created.body.created.forEach((user: { id: string; name: string }) => (users[user.name] = user.id))
    expect((await admin.patch(`/api/v1/users/${users['前员工']}`, { active: false })).status).toBe(200)
    rep = await server.signIn('assign0@acme.cn', PASSWORD)
    clients['李雷'] = rep
    clients['赵强'] = await server.signIn('assign7@acme.cn', PASSWORD)
    await addRule({ name: '华东区域', position: 10, provinces: '江苏、浙江、上海', method: 'round_robin', team_id: east })
    await addRule({ name: '金融行业', position: 20, industries: ['finance'], method: 'user', assignee_id: users['赵强'] })
    await addRule({ name: '华南负载均衡', position: 30, provinces: '广东,广西,海南', method: 'least_loaded', team_id: south })
    await addRule({ name: '停用的规则', position: 5, method: 'user', assignee_id: users['值班经理'], active: false })
  })
  afterAll(async () => server?.close())

  it('keeps rules to administrators and checks each method has whom to assign to', async () => {
    expect((await rep.post('/api/v1/lead_assignment_rules', { name: '我的规则', method: 'user', assignee_id: users['李雷'] })).status).toBe(403)
    const missing = await admin.post('/api/v1/lead_assignment_rules', { name: '缺人', method: 'user' })
    expect(missing.status).toBe(400)
    expect(missing.body.error.fields).toEqual([{ field: 'assignee_id', code: 'required', message: expect.any(String) }])
    const noTeam = await admin.patch(`/api/v1/lead_assignment_rules/${rules['金融行业'].id}`, { method: 'round_robin' })
    expect(noTeam.body.error.fields[0]).toMatchObject({ field: 'team_id', code: 'required' })
    expect((await rep.get('/api/v1/lead-assignment/settings')).body).toEqual({ fallback_owner_id: null })
    expect((await rep.patch('/api/v1/lead-assignment/settings', { fallback_owner_id: users['李雷'] })).status).toBe(403)
    const inactive = await admin.patch('/api/v1/lead-assignment/settings', { fallback_owner_id: users['前员工'] })
    expect(inactive.body.error.fields).toEqual([{ field: 'fallback_owner_id', code: 'not_found', message: expect.any(String) }])
    expect((await admin.patch('/api/v1/lead-assignment/settings', { fallback_owner_id: 'x', other: 1 })).body.error.fields[0]).toMatchObject({ field: 'other', code: 'unknown_field' })
  })

  it('gives territory leads to the team in turn, skipping inactive members, fairly across many leads', async () => {
    const owners: (string | null)[] = []
    for (const province of ['江苏省', '浙江', '上海市', '江苏', '浙江省', '上海']) owners.push(ownerName((await createLead({ name: `华东客户${province}`, province })).owner_id))
    expect(owners.slice(0, 3).sort()).toEqual(['李雷', '王芳', '韩梅梅'].sort())
    expect(owners.slice(3)).toEqual(owners.slice(0, 3))
    // A bulk create (an API client or an import batch) takes turns within the batch as well.
    const bulk = await admin.post('/api/v1/leads/bulk', { create: Array.from({ length: 6 }, (_, i) => ({ name: `批量${i}`, province: '江苏', owner_id: null })) })
    expect(bulk.status, JSON.stringify(bulk.body)).toBe(200)
    const counts = (list: (string | null)[]) => list.reduce<Record<string, number>>((acc, name) => ({ ...acc, [name!]: (acc[name!] ?? 0) + 1 }), {})
    expect(counts(bulk.body.created.map((lead: Lead) => ownerName(lead.owner_id)))).toEqual({ 李雷: 2, 韩梅梅: 2, 王芳: 2 })
  })

  it('takes turns in order when leads arrive at the same moment', async () => {
    const created = await Promise.all(Array.from({ length: 9 }, (_, i) => createLead({ name: `并发线索${i}`, province: '上海' })))
    const tally: Record<string, number> = {}
    for (const lead of created) tally[ownerName(lead.owner_id)!] = (tally[ownerName(lead.owner_id)!] ?? 0) + 1
    expect(tally).toEqual({ 李雷: 3, 韩梅梅: 3, 王芳: 3 })
  })

  it('gives an industry\'s leads to its person, and tells them, with the rule on the lead\'s timeline', async () => {
    const lead = await createLead({ name: '钱总', company: '深圳前海金融', province: '北京', industry: 'finance' })
    expect(ownerName(lead.owner_id)).toBe('赵强')
    const timeline = await admin.get(`/api/v1/leads/${lead.id}/timeline`)
    const assigned = timeline.body.data.find((entry: { type?: string }) => entry.type === 'assigned')
    expect(assigned).toMatchObject({ changes: { owner_id: { before: null, after: users['赵强'] }, assignee: { after: '赵强' }, rule: { after: '金融行业' } } })
    const inbox = await clients['赵强'].withLanguage('zh-CN').get('/api/v1/notifications')
    expect(inbox.body.data[0]).toMatchObject({ kind: 'lead_assigned', object: 'leads', record_id: lead.id, title: '新线索分配给你：钱总', body: '由分配规则“金融行业”分配。' })
    // The first matching rule wins: a finance lead from Jiangsu is a territory lead.
    expect(['李雷', '韩梅梅', '王芳']).toContain(ownerName((await createLead({ name: '孙总', province: '江苏', industry: 'finance' })).owner_id))
  })

  it('gives a least-loaded team\'s lead to whoever has the fewest open leads', async () => {
    const owned = async (name: string, count: number, status = 'new') => {
      for (let i = 0; i < count; i++) await admin.post('/api/v1/leads', { name: `${name}的线索${i}`, owner_id: users[name], status })
    }
    await owned('陈刚', 2)
    await owned('黄磊', 1)
    await owned('林娜', 3, 'unqualified')
    const picks: (string | null)[] = []
    for (let i = 0; i < 4; i++) picks.push(ownerName((await createLead({ name: `华南线索${i}`, province: '广东省' })).owner_id))
    expect(picks).toEqual(['林娜', picks[1], picks[2], picks[3]])
    expect([picks[1], picks[2]].sort()).toEqual(['林娜', '黄磊'].sort())
    const final: Record<string, number> = { 陈刚: 2, 黄磊: 1, 林娜: 0 }
    picks.forEach((name) => (final[name!] += 1))
    expect(Math.max(...Object.values(final)) - Math.min(...Object.values(final))).toBeLessThanOrEqual(1)
  })

  it('falls back to the fallback owner, or leaves the lead unowned without one; an owner given is kept', async () => {
    const unowned = await createLead({ name: '新疆客户', province: '新疆维吾尔自治区' })
    expect(unowned.owner_id).toBeNull()
    expect((await admin.patch('/api/v1/lead-assignment/settings', { fallback_owner_id: users['值班经理'] })).body).toEqual({ fallback_owner_id: users['值班经理'] })
    const fallback = await createLead({ name: '西藏客户', province: '西藏' })
    expect(ownerName(fallback.owner_id)).toBe('值班经理')
    const timeline = await admin.get(`/api/v1/leads/${fallback.id}/timeline`)
    expect(timeline.body.data.find((entry: { type?: string }) => entry.type === 'assigned_by_fallback').changes).toMatchObject({ assignee: { after: '值班经理' }, rule: { after: null } })
    const kept = await rep.post('/api/v1/leads', { name: '自己开发的客户', province: '江苏' })
    expect(ownerName(kept.body.owner_id)).toBe('李雷')
    const given = await createLead({ name: '指定给赵强', province: '江苏', owner_id: users['赵强'] })
    expect(ownerName(given.owner_id)).toBe('赵强')
  })

  it('assigns a lead a rep creates without an owner, even to someone else', async () => {
    const lead = await createLead({ name: '转交的线索', province: '广西', industry: 'retail' }, rep)
    expect(['陈刚', '林娜', '黄磊']).toContain(ownerName(lead.owner_id))
    expect((await rep.get(`/api/v1/leads/${lead.id}`)).status).toBe(404)
  })
})
