import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createJobRunner, type JobRunner } from '../events/job-runner.ts'
import { writeMailSettings } from '../mail/mail-settings.ts'
import { startMailbox } from '../quotes/quote-test-fixtures.ts'
import { testEngines } from '../test-support/test-database.ts'
import { startTestServer, type ApiClient, type TestServer } from '../test-support/test-server.ts'
import { reminderJobs } from './reminder-job.ts'

const PASSWORD = 'a long enough password'

describe.each(testEngines)('activity reminders and overdue tasks on %s', (engine) => {
  let now = new Date('2026-03-02T01:00:00Z')
  const clock = () => now
  let server: TestServer
  let runner: JobRunner
  let mailbox: Awaited<ReturnType<typeof startMailbox>>
  const jobErrors: unknown[] = []
  let rep: ApiClient, quiet: ApiClient
  const ids: Record<string, string> = {}

  const ok = async (response: Promise<{ status: number; body: any }>, status = 200) => {
    const result = await response
    expect(result.status, JSON.stringify(result.body)).toBe(status)
    return result.body
  }
  const runAt = async (iso: string) => {
    now = new Date(iso)
    await runner.runOnce()
    expect(jobErrors).toEqual([])
  }
  const reminders = async (client: ApiClient) =>
    (await ok(client.get('/api/v1/notifications'))).data.filter((n: { kind: string }) => n.kind === 'activity_reminder').map((n: { title: string; record_id: string }) => [n.title, n.record_id])
  const withKey = async (client: ApiClient) => client.withApiKey((await ok(client.post('/api/auth/api-keys', { name: 'test' }), 201)).key)

  beforeAll(async () => {
    mailbox = await startMailbox()
    server = await startTestServer(engine, { now: clock })
    const main = await server.newWorkspace('提醒测试')
    await ok(main.admin.post('/api/v1/users', { name: '李雷', email: 'remind-rep@acme.cn', role: 'rep', locale: 'zh-CN', password: PASSWORD }), 201)
    rep = (await withKey(await server.signIn('remind-rep@acme.cn', PASSWORD))).withLanguage('zh-CN')
    await writeMailSettings(server.database.db, main.workspaceId, { smtp_url: mailbox.url, from: 'Rapport <crm@acme.cn>' })
    quiet = await withKey((await server.newWorkspace('无邮件')).admin)
    runner = createJobRunner(server.database.db, { ...reminderJobs(clock), clock, onError: (error) => jobErrors.push(error) })
  })
  afterAll(async () => {
    await server?.close()
    await mailbox?.close()
  })

  it('keeps the time of the next reminder on the activity', async () => {
    const call = await ok(rep.post('/api/v1/activities', { type: 'call', subject: '回访王总', due_at: '2026-03-02T06:00:00Z', reminder_minutes: 30 }), 201)
    expect(call).toMatchObject({ next_reminder_at: '2026-03-02T05:30:00.000Z', overdue: false })
    const meeting = await ok(rep.post('/api/v1/activities', { type: 'meeting', subject: '方案评审会', remind_at: '2026-03-02T03:00:00Z' }), 201)
    expect(meeting.next_reminder_at).toBe('2026-03-02T03:00:00.000Z')
    const done = await ok(rep.post('/api/v1/activities', { type: 'task', subject: '已完成的任务', remind_at: '2026-03-02T02:00:00Z', done: true }), 201)
    expect(done.next_reminder_at).toBeNull()
    expect((await rep.post('/api/v1/activities', { type: 'task', subject: 'x', next_reminder_at: '2026-03-02T02:00:00Z' })).status).toBe(400)
    Object.assign(ids, { call: call.id, meeting: meeting.id, done: done.id })
  })

  it('reminds the owner at the due time, once, by notification and email', async () => {
    await runAt('2026-03-02T02:59:00Z')
    expect(await reminders(rep)).toEqual([])
    await runAt('2026-03-02T03:00:30Z')
    expect(await reminders(rep)).toEqual([['提醒：方案评审会', ids.meeting]])
    await expect.poll(() => mailbox.messages.length).toBe(1)
    expect(mailbox.messages[0].subject).toBe('提醒：方案评审会')
    expect(mailbox.messages[0].to).toMatchObject({ text: 'remind-rep@acme.cn' })
    await runAt('2026-03-02T03:02:00Z')
    expect(await reminders(rep)).toHaveLength(1)
    await runAt('2026-03-02T05:31:00Z')
    expect(await reminders(rep)).toEqual([['提醒：回访王总', ids.call], ['提醒：方案评审会', ids.meeting]])
    await expect.poll(() => mailbox.messages.length).toBe(2)
    expect(mailbox.messages[1].text?.trim()).toBe('截止时间：2026-03-02 14:00。')
    expect((await ok(rep.get(`/api/v1/activities/${ids.call}`))).next_reminder_at).toBeNull()
  })

  it('reminds again when the reminder is moved, and not for a workspace without mail beyond its notification', async () => {
    await ok(rep.patch(`/api/v1/activities/${ids.meeting}`, { remind_at: '2026-03-03T01:00:00Z' }))
    const other = await ok(quiet.post('/api/v1/activities', { type: 'task', subject: 'Send the contract', remind_at: '2026-03-03T00:30:00Z' }), 201)
    await runAt('2026-03-03T01:00:00Z')
    expect((await reminders(rep))[0]).toEqual(['提醒：方案评审会', ids.meeting])
    expect(await reminders(quiet)).toEqual([['Reminder: Send the contract', other.id]])
    await expect.poll(() => mailbox.messages.length).toBe(3)
  })

  it('flags open activities past due as overdue, for lists and filters, until done', async () => {
    await runAt('2026-03-03T02:00:00Z')
    const overdue = await ok(rep.get('/api/v1/activities?filter[overdue][eq]=true'))
    expect(overdue.data.map((a: { id: string }) => a.id)).toEqual([ids.call])
    const done = await ok(rep.patch(`/api/v1/activities/${ids.call}`, { done: true }))
    expect(done.overdue).toBe(false)
    const late = await ok(rep.post('/api/v1/activities', { type: 'task', subject: '补交资料', due_at: '2026-03-01T09:00:00Z' }), 201)
    expect(late.overdue).toBe(true)
    expect((await ok(rep.get('/api/v1/activities?filter[overdue][eq]=true'))).data.map((a: { id: string }) => a.id)).toEqual([late.id])
  })
})
