import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { startTestServer, type ApiClient, type TestServer } from '../test-support/test-server.ts'

const DAY = 86_400_000

describe.each(testEngines)('tags and dynamic segments on %s', (engine) => {
  const today = new Date('2026-06-30T08:00:00Z')
  let clock = today
  let server: TestServer
  let admin: ApiClient
  let workspaceId: string
  const ids: Record<string, string> = {}
  const tagIds: Record<string, string> = {}
  const at = (daysAgo: number) => (clock = new Date(today.getTime() - daysAgo * DAY))
  const count = async (query: string) => {
    const response = await admin.get(`/api/v1/accounts/aggregate?${query}`)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    return response.body.count as number
  }
  const names = async (query: string, client = admin) => {
    const response = await client.get(`/api/v1/accounts?${query}&sort=name`)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    return response.body.data.map((record: { name: string }) => record.name)
  }

  /** Runs with the clock moved forward, signed in afresh (sessions expire by the same clock). */
  const later = async (days: number, run: (client: ApiClient) => Promise<void>) => {
    clock = new Date(today.getTime() + days * DAY)
    try {
      await run(await server.signIn('seg-admin@acme.cn', 'a long enough password'))
    } finally {
      clock = today
    }
  }

  beforeAll(async () => {
    server = await startTestServer(engine, { now: () => clock })
    ;({ admin, workspaceId } = await server.newWorkspace())
    await admin.post('/api/v1/users/bulk', { create: [{ name: '分群管理员', email: 'seg-admin@acme.cn', role: 'admin', password: 'a long enough password' }] })
    for (const [name, color] of [['VIP', 'gold'], ['华东', 'blue'], ['待跟进', 'red']]) {
      const created = await admin.post('/api/v1/tags', { name, color })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      tagIds[name] = created.body.id
    }
    at(200)
    ids.old = (await admin.post('/api/v1/accounts', { name: 'A 老客户', tags: [tagIds.VIP] })).body.id
    ids.lapsed = (await admin.post('/api/v1/accounts', { name: 'B 沉默客户', tags: [tagIds.VIP, tagIds['华东']] })).body.id
    ids.active = (await admin.post('/api/v1/accounts', { name: 'C 活跃客户' })).body.id
    await admin.post('/api/v1/activities', { type: 'call', subject: '回访', account_id: ids.lapsed })
    at(10)
    await admin.post('/api/v1/activities', { type: 'call', subject: '回访', account_id: ids.active })
    at(0)
    ids.fresh = (await admin.post('/api/v1/accounts', { name: 'D 新客户' })).body.id
    const deals = await admin.post('/api/v1/opportunities/bulk', {
      create: [
        { name: '开放商机', stage: 'proposal', account_id: ids.old },
        { name: '已赢单', stage: 'won', account_id: ids.active },
        { name: '已输单', stage: 'lost', account_id: ids.fresh },
      ],
    })
    expect(deals.status, JSON.stringify(deals.body)).toBe(200)
  })
  afterAll(async () => server?.close())

  it('creates coloured tags, puts them on records and filters by them', async () => {
    const tags = await admin.get('/api/v1/tags?sort=name')
    expect(tags.body.data.map((tag: { color: string }) => tag.color).sort()).toEqual(['blue', 'gold', 'red'])
    expect((await admin.get(`/api/v1/accounts/${ids.lapsed}`)).body.tags.sort()).toEqual([tagIds.VIP, tagIds['华东']].sort())
    expect(await names(`filter[tags][has_any]=${tagIds.VIP}`)).toEqual(['A 老客户', 'B 沉默客户'])
    expect(await names(`filter[tags][has_all]=${tagIds.VIP},${tagIds['华东']}`)).toEqual(['B 沉默客户'])
    expect(await count('filter[tags][is_empty]=true')).toBe(2)
    const bad = await admin.post('/api/v1/accounts', { name: 'X', tags: [ids.old] })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields[0]).toMatchObject({ field: 'tags', code: 'not_found' })
  })

  it('bulk-adds tags keeping the tags records already have', async () => {
    const response = await admin.post('/api/v1/accounts/bulk-tags', { ids: [ids.old, ids.lapsed, ids.fresh], add: [tagIds['待跟进'], tagIds.VIP] })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body).toEqual({ updated: 3, field: 'tags' })
    const lapsed = (await admin.get(`/api/v1/accounts/${ids.lapsed}`)).body.tags
    expect(lapsed.sort()).toEqual([tagIds.VIP, tagIds['华东'], tagIds['待跟进']].sort())
    expect((await admin.get(`/api/v1/accounts/${ids.fresh}`)).body.tags.sort()).toEqual([tagIds.VIP, tagIds['待跟进']].sort())
    const removed = await admin.post('/api/v1/accounts/bulk-tags', { ids: [ids.fresh], remove: [tagIds['待跟进']] })
    expect(removed.status).toBe(200)
    expect((await admin.get(`/api/v1/accounts/${ids.fresh}`)).body.tags).toEqual([tagIds.VIP])
  })

  it('drops a deleted tag instead of refusing the next bulk add', async () => {
    const temporary = (await admin.post('/api/v1/tags', { name: '临时', color: 'lime' })).body
    expect((await admin.post('/api/v1/accounts/bulk-tags', { ids: [ids.fresh], add: [temporary.id] })).status).toBe(200)
    expect((await admin.delete(`/api/v1/tags/${temporary.id}`)).status).toBeLessThan(300)
    const again = await admin.post('/api/v1/accounts/bulk-tags', { ids: [ids.fresh], add: [tagIds.VIP] })
    expect(again.status, JSON.stringify(again.body)).toBe(200)
    expect((await admin.get(`/api/v1/accounts/${ids.fresh}`)).body.tags).toEqual([tagIds.VIP])
  })

  it('refuses bad bulk-tag input naming the field, writing nothing', async () => {
    const before = (await admin.get(`/api/v1/accounts/${ids.active}`)).body.version
    const unknownRecord = await admin.post('/api/v1/accounts/bulk-tags', { ids: [ids.active, '00000000-0000-4000-8000-000000000000'], add: [tagIds.VIP] })
    expect(unknownRecord.status).toBe(400)
    expect(unknownRecord.body.error.fields).toEqual([expect.objectContaining({ field: 'ids[1]', code: 'not_found' })])
    const unknownTag = await admin.post('/api/v1/accounts/bulk-tags', { ids: [ids.active], add: [ids.old] })
    expect(unknownTag.status).toBe(400)
    expect(unknownTag.body.error.fields[0]).toMatchObject({ field: 'ids[0].tags', code: 'not_found' })
    const shapes = await admin.post('/api/v1/accounts/bulk-tags', { ids: 'x', add: ['nope'] })
    expect(shapes.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['ids', 'add'])
    expect((await admin.post('/api/v1/products/bulk-tags', { ids: [ids.active], add: [tagIds.VIP] })).body.error.fields[0].field).toBe('field')
    expect((await admin.get(`/api/v1/accounts/${ids.active}`)).body.version).toBe(before)
  })

  it('filters on "no activity in N days" with the clock', async () => {
    expect(await names('filter[$no_activity_days][gte]=90')).toEqual(['A 老客户', 'B 沉默客户'])
    expect(await names('filter[$no_activity_days][lt]=30')).toEqual(['C 活跃客户'])
    expect(await names('filter[$no_activity_days][gte]=5')).toEqual(['A 老客户', 'B 沉默客户', 'C 活跃客户'])
    await later(85, async (client) => {
      expect(await names('filter[$no_activity_days][gte]=90', client)).toEqual(['A 老客户', 'B 沉默客户', 'C 活跃客户'])
    })
  })

  it('filters on "has an open opportunity" (not won or lost)', async () => {
    expect(await names('filter[$open_opportunity][eq]=true')).toEqual(['A 老客户'])
    expect(await names('filter[$open_opportunity]=false')).toEqual(['B 沉默客户', 'C 活跃客户', 'D 新客户'])
    expect(await count(`filter[$open_opportunity]=true&filter[tags][has_any]=${tagIds.VIP}`)).toBe(1)
  })

  it('filters on "created by import X"', async () => {
    const db = server.database.db
    await sql`create table if not exists import_records (workspace_id uuid not null, import_id uuid not null, object text not null,
      record_id uuid not null, action text not null, before jsonb)`.execute(db)
    const importId = '11111111-1111-4111-8111-111111111111'
    await db.insertInto('import_records').values([
      { workspace_id: workspaceId, import_id: importId, object: 'accounts', record_id: ids.old, action: 'created' },
      { workspace_id: workspaceId, import_id: importId, object: 'accounts', record_id: ids.lapsed, action: 'updated' },
    ]).execute()
    expect(await names(`filter[$import][eq]=${importId}`)).toEqual(['A 老客户'])
    expect(await count('filter[$import]=22222222-2222-4222-8222-222222222222')).toBe(0)
  })

  it('refuses unknown conditions and bad operands naming the filter', async () => {
    const response = await admin.withLanguage('zh-CN').get('/api/v1/accounts?filter[$no_activity_days][gte]=abc&filter[$open_opportunity]=maybe&filter[$nope]=1&filter[$import]=x')
    expect(response.status).toBe(400)
    expect(response.body.error.fields).toEqual([
      { field: 'filter.$no_activity_days.gte', code: 'expected_integer', message: expect.any(String) },
      { field: 'filter.$open_opportunity.eq', code: 'expected_boolean', message: expect.any(String) },
      { field: 'filter.$nope', code: 'unknown_field', message: expect.any(String) },
      { field: 'filter.$import.eq', code: 'invalid_id', message: expect.any(String) },
    ])
    const products = await admin.get('/api/v1/products/aggregate?filter[$no_activity_days][gte]=3')
    expect(products.body.error.fields[0]).toMatchObject({ field: 'filter.$no_activity_days', code: 'unknown_field' })
    expect((await admin.get('/api/v1/accounts?filter[$no_activity_days][eq]=3')).body.error.fields[0].code).toBe('invalid_operator')
  })

  it('lists segment views with live counts and the conditions an object offers', async () => {
    const filter = JSON.stringify({ $no_activity_days: { gte: '90' }, tags: { has_any: [tagIds.VIP] } })
    const view = await admin.post('/api/v1/views', { name: '沉默的 VIP', object: 'accounts', kind: 'segment', filter })
    expect(view.status, JSON.stringify(view.body)).toBe(201)
    await admin.post('/api/v1/views', { name: '坏分群', object: 'accounts', kind: 'segment', filter: '{"nope":{"eq":"1"}}' })
    await admin.post('/api/v1/views', { name: '表格', object: 'accounts', kind: 'table' })
    const response = await admin.get('/api/v1/accounts/segments')
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.conditions.map((c: { name: string }) => c.name)).toEqual(['$no_activity_days', '$open_opportunity', '$import'])
    expect(response.body.segments.map((s: { name: string; count: number | null }) => [s.name, s.count])).toEqual([['坏分群', null], ['沉默的 VIP', 2]])
    expect((await admin.get('/api/v1/products/segments')).body.conditions.map((c: { name: string }) => c.name)).toEqual(['$import'])
    await later(95, async (client) => {
      expect((await client.get('/api/v1/accounts/segments')).body.segments[1].count).toBe(3)
    })
  })
})
