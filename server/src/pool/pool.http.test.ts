import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createJobRunner, type JobRunner } from '../events/job-runner.ts'
import { testEngines } from '../test-support/test-database.ts'
import { startTestServer, type ApiClient, type TestServer } from '../test-support/test-server.ts'
import { customerRuleJobs } from './customer-rule-jobs.ts'

const PASSWORD = 'a long enough password'
const DAY = 86_400_000

describe.each(testEngines)('customer pool, silent customers and notifications on %s', (engine) => {
  let now = new Date('2026-03-02T09:00:00Z')
  const clock = () => now
  const advanceDays = (days: number) => (now = new Date(now.getTime() + days * DAY))
  let server: TestServer
  let runner: JobRunner
  const jobErrors: unknown[] = []
  let admin: ApiClient, rep1: ApiClient, rep2: ApiClient, manager: ApiClient
  let rep1Id: string
  const pool: string[] = []
  let rep2Account: string

  const runJobs = async () => {
    await runner.runOnce()
    expect(jobErrors).toEqual([])
  }
  // Sessions expire as the test clock runs on for months; API keys do not.
  const withKey = async (client: ApiClient) => client.withApiKey((await client.post('/api/auth/api-keys', { name: 'test' })).body.key)
  const notificationsOf = async (client: ApiClient, query = '') => {
    const response = await client.get(`/api/v1/notifications${query}`)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    return response.body
  }

  beforeAll(async () => {
    server = await startTestServer(engine, { now: clock })
    ;({ admin } = await server.newWorkspace('公海测试'))
    const team = (await admin.post('/api/v1/teams', { name: '华东销售部' })).body
    const users = await admin.post('/api/v1/users/bulk', {
      create: [
        { name: '李雷', email: 'pool-rep1@acme.cn', role: 'rep', team_id: team.id, password: PASSWORD },
        { name: '韩梅梅', email: 'pool-rep2@acme.cn', role: 'rep', password: PASSWORD },
        { name: '王经理', email: 'pool-manager@acme.cn', role: 'manager', team_id: team.id, password: PASSWORD },
      ],
    })
    expect(users.status, JSON.stringify(users.body)).toBe(200)
    rep1 = await server.signIn('pool-rep1@acme.cn', PASSWORD)
    rep2 = await server.signIn('pool-rep2@acme.cn', PASSWORD)
    manager = await server.signIn('pool-manager@acme.cn', PASSWORD)
    ;[admin, rep1, rep2] = await Promise.all([withKey(admin), withKey(rep1), withKey(rep2)])
    rep1Id = (await rep1.get('/api/auth/me')).body.user.id
    for (const name of ['苏州恒信精密机械', '杭州云栖科技', '无锡新源电气', '宁波港联物流']) {
      const created = await admin.post('/api/v1/accounts', { name, owner_id: null })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      expect(created.body.owner_id).toBeNull()
      pool.push(created.body.id)
    }
    rep2Account = (await rep2.post('/api/v1/accounts', { name: '韩梅梅的客户' })).body.id
    runner = createJobRunner(server.database.db, { ...customerRuleJobs(clock), clock, onError: (error) => jobErrors.push(error) })
  })
  afterAll(async () => server?.close())

  it('lets members read the rules and only administrators change them, naming each bad field', async () => {
    const read = await rep1.get('/api/v1/pool/settings')
    expect(read.body).toEqual({ claim_limit: 20, return_days: null, notice_days: 3, silent_days: 90, held_claims: 0 })
    expect((await rep1.patch('/api/v1/pool/settings', { claim_limit: 5 })).status).toBe(403)
    const bad = await admin.patch('/api/v1/pool/settings', { claim_limit: -1, return_days: 'soon', nope: 1 })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields.map((f: { field: string; code: string }) => [f.field, f.code])).toEqual([
      ['claim_limit', 'out_of_range'], ['return_days', 'expected_integer'], ['nope', 'unknown_field'],
    ])
    const zh = await admin.withLanguage('zh-CN').patch('/api/v1/pool/settings', { return_days: 5, notice_days: 5 })
    expect(zh.status).toBe(400)
    expect(zh.body.error.fields).toEqual([{ field: 'notice_days', code: 'too_large', message: expect.stringContaining('4') }])
    expect((await admin.patch('/api/v1/pool/settings', [1])).status).toBe(400)
    const saved = await admin.patch('/api/v1/pool/settings', { claim_limit: 2, return_days: 30, notice_days: 5 })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    expect((await rep1.get('/api/v1/pool/settings')).body).toMatchObject({ claim_limit: 2, return_days: 30, notice_days: 5, silent_days: 90 })
  })

  it('shows the pool to a rep with scope own, but not other reps\' accounts, and keeps writes to the owner scope', async () => {
    const list = await rep1.get('/api/v1/accounts?filter[owner_id][is_empty]=true&limit=50')
    expect(list.status, JSON.stringify(list.body)).toBe(200)
    expect(list.body.data.map((a: { id: string }) => a.id).sort()).toEqual([...pool].sort())
    const all = await rep1.get('/api/v1/accounts?limit=50')
    expect(all.body.data.map((a: { id: string }) => a.id)).not.toContain(rep2Account)
    expect((await rep1.get(`/api/v1/accounts/${pool[0]}`)).status).toBe(200)
    expect((await rep1.get(`/api/v1/accounts/${rep2Account}`)).status).toBe(404)
    expect((await rep1.patch(`/api/v1/accounts/${pool[0]}`, { name: 'taken over' })).status).toBe(404)
  })

  it('claims within the limit and refuses beyond it, or when someone else was first', async () => {
    const first = await rep1.post(`/api/v1/accounts/${pool[0]}/claim`)
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body.owner_id).toBe(rep1Id)
    expect((await rep1.post(`/api/v1/accounts/${pool[1]}/claim`)).status).toBe(200)
    const over = await rep1.post(`/api/v1/accounts/${pool[2]}/claim`)
    expect(over.status).toBe(409)
    expect(over.body.error.fields).toEqual([{ field: 'claim_limit', code: 'claim_limit_reached', message: expect.stringContaining('2') }])
    const taken = await rep2.post(`/api/v1/accounts/${pool[0]}/claim`)
    expect(taken.status).toBe(409)
    expect(taken.body.error.fields[0]).toMatchObject({ field: 'owner_id', code: 'already_claimed' })
    expect((await rep1.post(`/api/v1/accounts/${rep2Account}/claim`)).status).toBe(404)
    expect((await rep1.post('/api/v1/accounts/not-a-uuid/claim')).status).toBe(404)
    expect((await rep1.get('/api/v1/pool/settings')).body.held_claims).toBe(2)
  })

  it('lets exactly one of two concurrent claims win', async () => {
    const results = await Promise.all([rep2.post(`/api/v1/accounts/${pool[2]}/claim`), manager.post(`/api/v1/accounts/${pool[2]}/claim`)])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
  })

  it('releases by the owner or a manager, and puts claim and release on the timeline', async () => {
    expect((await rep2.post(`/api/v1/accounts/${pool[0]}/release`)).status).toBe(404)
    const released = await rep1.post(`/api/v1/accounts/${pool[0]}/release`)
    expect(released.status, JSON.stringify(released.body)).toBe(200)
    expect(released.body.owner_id).toBeNull()
    expect((await rep1.post(`/api/v1/accounts/${pool[0]}/release`)).status).toBe(404)
    expect((await admin.post(`/api/v1/accounts/${pool[0]}/release`)).status).toBe(409)
    expect((await manager.post(`/api/v1/accounts/${pool[1]}/release`)).status).toBe(200)
    const timeline = await admin.get(`/api/v1/accounts/${pool[0]}/timeline`)
    expect(timeline.body.data.filter((e: { kind: string }) => e.kind === 'event').map((e: { type: string }) => e.type)).toEqual(['released', 'claimed', 'created'])
    expect((await rep1.get('/api/v1/pool/settings')).body.held_claims).toBe(0)
  })

  it('notifies the owner first, then returns an account without follow-up to the pool', async () => {
    const kept = pool[3]
    expect((await rep1.post(`/api/v1/accounts/${pool[0]}/claim`)).status).toBe(200)
    expect((await rep1.post(`/api/v1/accounts/${kept}/claim`)).status).toBe(200)
    await runJobs()
    advanceDays(20)
    expect((await rep1.post('/api/v1/activities', { type: 'call', subject: '跟进', account_id: kept })).status).toBe(201)
    advanceDays(5)
    await runJobs()
    const noticed = await notificationsOf(rep1)
    expect(noticed.data.map((n: { kind: string; record_id: string }) => [n.kind, n.record_id])).toEqual([['pool_return_notice', pool[0]]])
    expect(noticed.data[0].title).toBe('苏州恒信精密机械 returns to the pool on 2026-04-01')
    expect((await rep1.get(`/api/v1/accounts/${pool[0]}`)).body.owner_id).toBe(rep1Id)
    advanceDays(1)
    await runJobs()
    expect((await notificationsOf(rep1)).data).toHaveLength(1)
    advanceDays(4)
    await runJobs()
    expect((await rep1.get(`/api/v1/accounts/${pool[0]}`)).body.owner_id).toBeNull()
    expect((await rep1.get(`/api/v1/accounts/${kept}`)).body.owner_id).toBe(rep1Id)
    const after = await notificationsOf(rep1)
    expect(after.data.map((n: { kind: string }) => n.kind)).toEqual(['pool_returned', 'pool_return_notice'])
    const timeline = await admin.get(`/api/v1/accounts/${pool[0]}/timeline`)
    expect(timeline.body.data.find((e: { kind: string }) => e.kind === 'event')).toMatchObject({ type: 'returned_to_pool', changes: { owner_id: { before: rep1Id, after: null } }, actor: null })
  })

  it('lists notifications a page at a time in the reader\'s language and marks them read', async () => {
    const first = await notificationsOf(rep1, '?limit=1')
    expect(first.unread_count).toBe(2)
    expect(first.data).toHaveLength(1)
    const second = await notificationsOf(rep1.withLanguage('zh-CN'), `?limit=1&cursor=${first.next_cursor}`)
    expect(second.data[0].title).toBe('苏州恒信精密机械 将于 2026-04-01 退回公海')
    expect(second.next_cursor).toBeNull()
    expect((await rep2.post('/api/v1/notifications/read', { ids: [first.data[0].id] })).body).toEqual({ updated: 0 })
    expect((await rep1.post('/api/v1/notifications/read', { ids: [first.data[0].id] })).body).toEqual({ updated: 1 })
    expect((await notificationsOf(rep1, '?unread=true')).data.map((n: { id: string }) => n.id)).toEqual([second.data[0].id])
    expect((await rep1.post('/api/v1/notifications/read', { all: true })).body).toEqual({ updated: 1 })
    expect((await notificationsOf(rep1)).unread_count).toBe(0)
    const bad = await rep1.post('/api/v1/notifications/read', { ids: ['nope'] })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields[0]).toMatchObject({ field: 'ids[0]', code: 'invalid_id' })
    expect((await rep1.get('/api/v1/notifications?limit=0')).body.error.fields[0].field).toBe('limit')
    expect((await rep1.get('/api/v1/notifications?cursor=x')).body.error.fields[0].field).toBe('cursor')
  })

  it('reminds the owner of a silent customer once per silent period', async () => {
    const other = await server.newWorkspace('沉默客户')
    other.admin = await withKey(other.admin)
    const account = (await other.admin.post('/api/v1/accounts', { name: '沉默的客户' })).body.id
    const contact = (await other.admin.post('/api/v1/contacts', { name: '张三' })).body.id
    advanceDays(89)
    await runJobs()
    expect((await notificationsOf(other.admin)).data).toEqual([])
    advanceDays(1)
    await runJobs()
    const alerted = await notificationsOf(other.admin)
    expect(alerted.data.map((n: { kind: string; record_id: string }) => [n.kind, n.record_id]).sort()).toEqual([['silent_customer', account], ['silent_customer', contact]].sort())
    expect(alerted.data.find((n: { object: string }) => n.object === 'contacts').title).toBe('张三 has been silent')
    advanceDays(1)
    await runJobs()
    expect((await notificationsOf(other.admin)).data).toHaveLength(2)
    expect((await other.admin.post('/api/v1/activities', { type: 'call', subject: '回访', account_id: account })).status).toBe(201)
    advanceDays(90)
    await runJobs()
    const again = await notificationsOf(other.admin)
    expect(again.data).toHaveLength(3)
    expect(again.data[0]).toMatchObject({ kind: 'silent_customer', record_id: account })
  })
})
