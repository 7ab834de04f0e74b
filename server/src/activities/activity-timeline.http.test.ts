import { describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { useServerWithWorkspace } from '../test-support/test-server.ts'

describe.each(testEngines)('activities on the timeline on %s', (engine) => {
  const env = useServerWithWorkspace(engine)

  it('shows a logged call on the account and contact timelines and moves their last contact', async () => {
    const account = (await env.admin.post('/api/v1/accounts', { name: '广州南方物流有限公司' })).body
    const contact = (await env.admin.post('/api/v1/contacts', { name: '陈静', account_id: account.id })).body
    const opportunity = (await env.admin.post('/api/v1/opportunities', { name: '仓储系统升级', stage: 'proposal', account_id: account.id })).body
    const call = await env.admin.post('/api/v1/activities', { type: 'call', subject: '电话沟通需求', account_id: account.id, contact_id: contact.id })
    expect(call.status, JSON.stringify(call.body)).toBe(201)
    const note = await env.admin.post('/api/v1/activities', { type: 'note', subject: '客户关注交付周期', related_object: 'opportunities', related_id: opportunity.id })
    expect(note.status, JSON.stringify(note.body)).toBe(201)
    const task = await env.admin.post('/api/v1/activities', { type: 'task', subject: '发送报价单', due_at: '2026-12-01T10:00:00+08:00', opportunity_id: opportunity.id })
    expect(task.body.due_at).toBe('2026-12-01T02:00:00.000Z')

    for (const [object, id] of [['accounts', account.id], ['contacts', contact.id]]) {
      const timeline = await env.admin.get(`/api/v1/${object}/${id}/timeline`)
      expect(timeline.body.data[0]).toMatchObject({ kind: 'activity', activity: { id: call.body.id, subject: '电话沟通需求' } })
      expect((await env.admin.get(`/api/v1/${object}/${id}`)).body.last_activity_at).toBe(call.body.created_at)
    }
    const opportunityTimeline = (await env.admin.get(`/api/v1/opportunities/${opportunity.id}/timeline`)).body.data
    const subjects = opportunityTimeline.filter((entry: { kind: string }) => entry.kind === 'activity').map((entry: { activity: { subject: string } }) => entry.activity.subject)
    expect(subjects.sort()).toEqual(['发送报价单', '客户关注交付周期'])
    expect(opportunityTimeline.some((entry: { kind: string; type?: string }) => entry.kind === 'event' && entry.type === 'created')).toBe(true)

    const badLink = await env.admin.post('/api/v1/activities', { type: 'note', subject: 'x', related_object: 'nonsense', related_id: opportunity.id })
    expect(badLink.status).toBe(400)
    expect(badLink.body.error.fields[0]).toMatchObject({ field: 'related_id', code: 'not_found' })
  })
})
