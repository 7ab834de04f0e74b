import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createJobRunner, type JobRunner } from '../events/job-runner.ts'
import { testEngines } from '../test-support/test-database.ts'
import { startTestServer, type ApiClient, type TestServer } from '../test-support/test-server.ts'
import { suggestionJobs } from './suggestion-job.ts'

const PASSWORD = 'a long enough password'

describe.each(testEngines)('daily follow-up suggestions on %s', (engine) => {
  let now = new Date('2026-02-20T02:00:00Z')
  const clock = () => now
  let server: TestServer
  let runner: JobRunner
  const jobErrors: unknown[] = []
  let admin: ApiClient, rep: ApiClient, other: ApiClient
  const ids: Record<string, string> = {}

  const ok = async (response: Promise<{ status: number; body: any }>, status = 200) => {
    const result = await response
    expect(result.status, JSON.stringify(result.body)).toBe(status)
    return result.body
  }
  const at = (iso: string) => (now = new Date(iso))
  const today = async (client: ApiClient, query = '') => ok(client.get(`/api/v1/suggestions/today${query}`))
  const withKey = async (client: ApiClient) => client.withApiKey((await ok(client.post('/api/auth/api-keys', { name: 'test' }), 201)).key)

  beforeAll(async () => {
    server = await startTestServer(engine, { now: clock })
    ;({ admin } = await server.newWorkspace('跟进建议'))
    admin = await withKey(admin)
    for (const [name, email] of [['李雷', 'follow-rep@acme.cn'], ['韩梅梅', 'follow-other@acme.cn']]) {
      await ok(admin.post('/api/v1/users', { name, email, role: 'rep', password: PASSWORD }), 201)
    }
    rep = (await withKey(await server.signIn('follow-rep@acme.cn', PASSWORD))).withLanguage('zh-CN')
    other = (await withKey(await server.signIn('follow-other@acme.cn', PASSWORD))).withLanguage('zh-CN')

    ids.stale = (await ok(rep.post('/api/v1/opportunities', { name: '恒信 MES 二期', stage: 'initial_contact', next_step: '安排演示' }), 201)).id
    at('2026-03-02T00:00:00Z')
    const account = await ok(rep.post('/api/v1/accounts', { name: '杭州云栖科技' }), 201)
    const zhang = await ok(rep.post('/api/v1/contacts', { name: '张总', account_id: account.id }), 201)
    const quote = await ok(rep.post('/api/v1/quotes', { name: '云栖 CRM 方案', account_id: account.id, contact_id: zhang.id, currency: 'CNY' }), 201)
    await ok(rep.post('/api/v1/quote_lines', { quote_id: quote.id, description: '销售管理系统', quantity: 5, unit_price: { amount: '3980.00', currency: 'CNY' } }), 201)
    await ok(rep.patch(`/api/v1/quotes/${quote.id}`, { status: 'sent' }))
    ids.quote = quote.id
    at('2026-03-05T02:00:00Z')
    const liu = await ok(rep.post('/api/v1/contacts', { name: '刘经理' }), 201)
    await ok(rep.post('/api/v1/activities', { type: 'email', subject: '发送产品资料', contact_id: liu.id }), 201)
    ids.liu = liu.id
    at('2026-03-06T01:00:00Z')
    ids.lead = (await ok(rep.post('/api/v1/leads', { name: '陈先生', company: '无锡新源电气', status: 'new' }), 201)).id
    at('2026-03-08T01:00:00Z')
    ids.noStep = (await ok(rep.post('/api/v1/opportunities', { name: '新源电气 扩容', stage: 'needs_analysis' }), 201)).id
    await ok(rep.post('/api/v1/opportunities', { name: '有计划的商机', stage: 'proposal', next_step: '周三报价' }), 201)
    ids.task = (await ok(rep.post('/api/v1/activities', { type: 'task', subject: '准备投标文件', due_at: '2026-03-09T07:00:00Z' }), 201)).id
    await ok(rep.post('/api/v1/activities', { type: 'task', subject: '已完成的任务', due_at: '2026-03-09T03:00:00Z', done: true }), 201)
    await ok(rep.post('/api/v1/activities', { type: 'task', subject: '明天的任务', due_at: '2026-03-09T17:00:00Z' }), 201)
    ids.otherTask = (await ok(other.post('/api/v1/activities', { type: 'call', subject: '给宁波港联回电话', due_at: '2026-03-09T02:00:00Z' }), 201)).id
    runner = createJobRunner(server.database.db, { ...suggestionJobs(clock), clock, onError: (error) => jobErrors.push(error) })
  })
  afterAll(async () => server?.close())

  it('waits for the workspace\'s morning, then ranks each rep\'s reasons to get in touch', async () => {
    at('2026-03-08T23:30:00Z') // 07:30 in Shanghai
    await runner.runOnce()
    expect(await today(rep)).toEqual({ day: '2026-03-09', data: [] })
    at('2026-03-09T00:30:00Z') // 08:30
    await runner.runOnce()
    expect(jobErrors).toEqual([])
    const list = await today(rep)
    expect(list.data.map((s: { rank: number; kind: string; message: string; object: string; record_id: string }) => [s.rank, s.kind, s.message, s.object, s.record_id])).toEqual([
      [1, 'quote_no_reply', '建议今日联系张总：7 天前发送报价单“云栖 CRM 方案”后未回复', 'quotes', ids.quote],
      [2, 'email_no_reply', '建议今日联系刘经理：3 天前发送邮件“发送产品资料”后未回复', 'contacts', ids.liu],
      [3, 'task_due_today', '今日到期任务：准备投标文件', 'activities', ids.task],
      [4, 'opportunity_stale', '跟进商机“恒信 MES 二期”：已 16 天没有活动', 'opportunities', ids.stale],
      [5, 'lead_untouched', '联系线索 陈先生：分配 2 天仍未跟进', 'leads', ids.lead],
      [6, 'opportunity_no_next_step', '为商机“新源电气 扩容”制定下一步计划', 'opportunities', ids.noStep],
    ])
    const english = await today(rep.withLanguage('en'))
    expect(english.data[0].message).toBe('Contact 张总 today: quote "云栖 CRM 方案" was sent 7 days ago with no reply')
    expect((await today(other)).data.map((s: { kind: string; record_id: string }) => [s.kind, s.record_id])).toEqual([['task_due_today', ids.otherTask]])
  })

  it('makes them once a day, and keeps dismissed and done ones closed', async () => {
    const before = await today(rep)
    at('2026-03-09T02:00:00Z')
    await runner.runOnce()
    expect((await today(rep)).data.map((s: { id: string }) => s.id)).toEqual(before.data.map((s: { id: string }) => s.id))
    await ok(rep.post(`/api/v1/suggestions/${before.data[1].id}/dismiss`))
    await ok(rep.post(`/api/v1/suggestions/${before.data[2].id}/done`))
    expect((await other.post(`/api/v1/suggestions/${before.data[0].id}/done`)).status).toBe(404)
    expect((await today(rep)).data.map((s: { kind: string }) => s.kind)).toEqual(['quote_no_reply', 'opportunity_stale', 'lead_untouched', 'opportunity_no_next_step'])
    expect((await today(rep, '?all=true')).data.map((s: { status: string }) => s.status)).toEqual(['open', 'dismissed', 'done', 'open', 'open', 'open'])
    await ok(rep.post(`/api/v1/activities`, { type: 'call', subject: '电话回访张总', contact_id: (await ok(rep.get(`/api/v1/quotes/${ids.quote}`))).contact_id }), 201)
    const refreshed = await ok(rep.post('/api/v1/suggestions/refresh'))
    expect(refreshed.data.map((s: { kind: string }) => s.kind)).toEqual(['opportunity_stale', 'lead_untouched', 'opportunity_no_next_step'])
  })

  it('lets administrators set the morning hour and time zone', async () => {
    expect(await ok(rep.get('/api/v1/suggestions/settings'))).toMatchObject({ hour: 8, time_zone: 'Asia/Shanghai' })
    expect((await rep.patch('/api/v1/suggestions/settings', { hour: 9 })).status).toBe(403)
    const bad = await admin.patch('/api/v1/suggestions/settings', { hour: 24, time_zone: 'Mars/Base', nope: 1 })
    expect(bad.body.error.fields.map((f: { field: string; code: string }) => [f.field, f.code])).toEqual([['hour', 'out_of_range'], ['time_zone', 'invalid_time_zone'], ['nope', 'unknown_field']])
    expect(await ok(admin.patch('/api/v1/suggestions/settings', { hour: 7, time_zone: 'Europe/Berlin' }))).toMatchObject({ hour: 7, time_zone: 'Europe/Berlin' })
    expect((await today(rep)).day).toBe('2026-03-09')
  })
})
