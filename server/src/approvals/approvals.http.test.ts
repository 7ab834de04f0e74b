import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { startTestServer, type ApiClient, type TestServer } from '../test-support/test-server.ts'

const PASSWORD = 'a long enough password'

describe.each(testEngines)('approvals on %s', (engine) => {
  let server: TestServer
  let admin: ApiClient, rep: ApiClient, loneRep: ApiClient, manager: ApiClient, director: ApiClient
  const ids: Record<string, string> = {}

  const ok = async (response: Promise<{ status: number; body: any }>, status = 200) => {
    const result = await response
    expect(result.status, JSON.stringify(result.body)).toBe(status)
    return result.body
  }
  /** A quote of the caller with one line, ready to be sent. */
  const quoteOf = async (client: ApiClient, name: string, discount: number) => {
    const quote = await ok(client.post('/api/v1/quotes', { name, discount_percent: discount, currency: 'CNY' }), 201)
    await ok(client.post('/api/v1/quote_lines', { quote_id: quote.id, description: '销售管理系统 标准版', quantity: 10, unit_price: { amount: '3980.00', currency: 'CNY' } }), 201)
    return quote.id as string
  }
  const statusOf = async (client: ApiClient, quote: string) => (await ok(client.get(`/api/v1/quotes/${quote}`))).status
  const kinds = async (client: ApiClient) => (await ok(client.get('/api/v1/notifications'))).data.map((n: { kind: string; title: string }) => [n.kind, n.title])

  beforeAll(async () => {
    server = await startTestServer(engine)
    ;({ admin } = await server.newWorkspace('审批测试'))
    const director0 = await ok(admin.post('/api/v1/users', { name: '赵总监', email: 'director@acme.cn', role: 'manager', password: PASSWORD }), 201)
    const manager0 = await ok(admin.post('/api/v1/users', { name: '王经理', email: 'manager@acme.cn', role: 'manager', manager_id: director0.id, password: PASSWORD }), 201)
    const rep0 = await ok(admin.post('/api/v1/users', { name: '李雷', email: 'rep@acme.cn', role: 'rep', manager_id: manager0.id, password: PASSWORD }), 201)
    await ok(admin.post('/api/v1/users', { name: '韩梅梅', email: 'lone@acme.cn', role: 'rep', password: PASSWORD }), 201)
    Object.assign(ids, { director: director0.id, manager: manager0.id, rep: rep0.id })
    ;[rep, loneRep, manager, director] = await Promise.all(['rep', 'lone', 'manager', 'director'].map((name) => server.signIn(`${name}@acme.cn`, PASSWORD)))
  })
  afterAll(async () => server?.close())

  it('seeds the quote discount threshold as a rule on quotes', async () => {
    expect(await ok(rep.get('/api/v1/approvals/settings'))).toMatchObject({ quote_discount_threshold: 15 })
    const rules = await ok(admin.get('/api/v1/approval_rules'))
    expect(rules.data).toHaveLength(1)
    expect(rules.data[0]).toMatchObject({
      object: 'quotes', condition_field: 'discount_percent', condition_operator: 'gt', condition_value: '15', status_field: 'status',
      guarded_value: 'sent', approver_kind: 'manager_chain', manager_levels: 1, active: true, system_key: 'quote_discount',
    })
    expect((await rep.patch('/api/v1/approvals/settings', { quote_discount_threshold: 30 })).status).toBe(403)
  })

  it('refuses to send a quote over the threshold until the manager approves, then sends it', async () => {
    const small = await quoteOf(rep, '小折扣报价', 10)
    await ok(rep.patch(`/api/v1/quotes/${small}`, { status: 'sent' }))
    expect((await rep.post('/api/v1/approvals', { object: 'quotes', record_id: small })).body.error.fields[0]).toMatchObject({ field: 'record_id', code: 'approval_not_required' })

    const quote = ids.quote = await quoteOf(rep, '云栖科技 CRM 报价', 20)
    const refused = await rep.withLanguage('zh-CN').patch(`/api/v1/quotes/${quote}`, { status: 'sent' })
    expect(refused.status).toBe(422)
    expect(refused.body.error.fields).toEqual([{ field: 'status', code: 'needs_approval', message: expect.stringContaining('需先审批') }])
    expect(await statusOf(rep, quote)).toBe('draft')
    expect((await rep.patch(`/api/v1/quotes/${quote}`, { status: 'approved' })).status).toBe(422)

    const submitted = await ok(rep.post('/api/v1/approvals', { object: 'quotes', record_id: quote, comment: '战略客户，争取本月签约' }), 201)
    expect(submitted).toMatchObject({ status: 'pending', title: '云栖科技 CRM 报价', current_step: 1, submitted_by: { id: ids.rep, name: '李雷' }, can_decide: false })
    expect(submitted.steps).toEqual([expect.objectContaining({ position: 1, approver: { id: ids.manager, name: '王经理' }, status: 'pending' })])
    ids.approval = submitted.id
    expect(await statusOf(rep, quote)).toBe('pending_approval')
    expect((await rep.post('/api/v1/approvals', { object: 'quotes', record_id: quote })).body.error.fields[0].code).toBe('approval_pending')
    expect(await kinds(manager)).toEqual([['approval_requested', 'Approval needed: 云栖科技 CRM 报价']])

    const inbox = await ok(manager.get('/api/v1/approvals/inbox'))
    expect(inbox.data.map((a: { id: string; can_decide: boolean }) => [a.id, a.can_decide])).toEqual([[submitted.id, true]])
    expect((await ok(loneRep.get('/api/v1/approvals/inbox'))).data).toEqual([])

    const approved = await ok(manager.post(`/api/v1/approvals/${submitted.id}/approve`, { comment: '同意，注意回款节点' }))
    expect(approved).toMatchObject({ status: 'approved', can_decide: false })
    expect(approved.steps[0]).toMatchObject({ status: 'approved', decided_by: { id: ids.manager, name: '王经理' }, comment: '同意，注意回款节点' })
    expect(await statusOf(rep, quote)).toBe('approved')
    expect(await kinds(rep)).toEqual([['approval_decided', '云栖科技 CRM 报价 was approved by 王经理']])
    const sent = await ok(rep.patch(`/api/v1/quotes/${quote}`, { status: 'sent' }))
    expect(sent.status).toBe('sent')

    const timeline = await ok(rep.get(`/api/v1/quotes/${quote}/timeline`))
    const events = timeline.data.filter((e: { kind: string; type: string }) => e.kind === 'event' && e.type.startsWith('approval_'))
    expect(events.map((e: { type: string; actor: { name: string } }) => [e.type, e.actor.name])).toEqual([['approval_approved', '王经理'], ['approval_submitted', '李雷']])
    const trail = await ok(rep.get(`/api/v1/approvals/record/quotes/${quote}`))
    expect(trail.data.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual([[submitted.id, 'approved']])
    expect(trail.rules).toEqual([expect.objectContaining({ name: expect.any(String), state: 'approved' })])
  })

  it('lets only the current approver or an administrator decide', async () => {
    const quote = await quoteOf(rep, '第二份报价', 18)
    const approval = await ok(rep.post('/api/v1/approvals', { object: 'quotes', record_id: quote }), 201)
    for (const client of [rep, loneRep, director]) expect((await client.post(`/api/v1/approvals/${approval.id}/approve`, {})).status).toBe(403)
    expect((await rep.patch(`/api/v1/approvals/${approval.id}`, { comment: 'x' })).status).toBe(400)
    expect((await rep.delete(`/api/v1/approvals/${approval.id}`)).status).toBe(403)
    expect((await admin.post('/api/v1/approvals/bulk', { delete: [approval.id] })).status).toBe(403)
    expect((await manager.post(`/api/v1/approvals/${approval.id}/approve`, { comment: 7 })).body.error.fields[0]).toMatchObject({ field: 'comment', code: 'expected_text' })
    expect((await manager.post('/api/v1/approvals/not-an-id/approve', {})).status).toBe(404)
    await ok(admin.post(`/api/v1/approvals/${approval.id}/approve`, {}))
    expect((await manager.post(`/api/v1/approvals/${approval.id}/approve`, {})).body.error.fields[0].code).toBe('approval_closed')
  })

  it('takes the record back and refuses sending after a rejection', async () => {
    const quote = await quoteOf(rep, '被驳回的报价', 25)
    const approval = await ok(rep.post('/api/v1/approvals', { object: 'quotes', record_id: quote }), 201)
    const rejected = await ok(manager.withLanguage('zh-CN').post(`/api/v1/approvals/${approval.id}/reject`, { comment: '折扣过高' }))
    expect(rejected).toMatchObject({ status: 'rejected', steps: [expect.objectContaining({ status: 'rejected', comment: '折扣过高' })] })
    expect(await statusOf(rep, quote)).toBe('draft')
    const note = (await ok(rep.withLanguage('zh-CN').get('/api/v1/notifications'))).data[0]
    expect([note.title, note.body]).toEqual(['被驳回的报价 被 王经理 驳回', '审批意见：折扣过高'])
    expect((await rep.patch(`/api/v1/quotes/${quote}`, { status: 'sent' })).status).toBe(422)
    const again = await ok(rep.post('/api/v1/approvals', { object: 'quotes', record_id: quote }), 201)
    await ok(rep.post(`/api/v1/approvals/${again.id}/cancel`, {}))
    expect(await statusOf(rep, quote)).toBe('draft')
  })

  it('voids an approval when the discount changes after it was given', async () => {
    const quote = await quoteOf(rep, '改了折扣的报价', 20)
    const approval = await ok(rep.post('/api/v1/approvals', { object: 'quotes', record_id: quote }), 201)
    await ok(manager.post(`/api/v1/approvals/${approval.id}/approve`, {}))
    expect(await statusOf(rep, quote)).toBe('approved')
    await ok(rep.patch(`/api/v1/quotes/${quote}`, { discount_percent: 28 }))
    expect(await statusOf(rep, quote)).toBe('draft')
    const trail = await ok(rep.get(`/api/v1/approvals/record/quotes/${quote}`))
    expect(trail.data.map((a: { status: string }) => a.status)).toEqual(['cancelled'])
    expect(trail.rules.map((r: { state: string }) => r.state)).toEqual(['required'])
    expect((await rep.patch(`/api/v1/quotes/${quote}`, { status: 'sent' })).status).toBe(422)
    const timeline = await ok(rep.get(`/api/v1/quotes/${quote}/timeline`))
    expect(timeline.data.some((e: { type?: string }) => e.type === 'approval_voided')).toBe(true)
  })

  it('climbs the manager chain level by level, and falls back to administrators', async () => {
    const rule = await ok(admin.post('/api/v1/approval_rules', {
      name: '大客户转成交', object: 'accounts', condition_field: 'annual_revenue', condition_operator: 'gte', condition_value: '1000000',
      status_field: 'lifecycle_stage', guarded_value: 'customer', approver_kind: 'manager_chain', manager_levels: 2,
    }), 201)
    expect(rule.active).toBe(true)
    const account = await ok(rep.post('/api/v1/accounts', { name: '宁波港联物流', annual_revenue: { amount: '5000000', currency: 'CNY' }, lifecycle_stage: 'prospect' }), 201)
    expect((await rep.patch(`/api/v1/accounts/${account.id}`, { lifecycle_stage: 'customer' })).status).toBe(422)
    const approval = await ok(rep.post('/api/v1/approvals', { object: 'accounts', record_id: account.id }), 201)
    expect(approval.steps.map((s: { approver: { name: string }; status: string }) => [s.approver.name, s.status])).toEqual([['王经理', 'pending'], ['赵总监', 'waiting']])
    expect((await director.post(`/api/v1/approvals/${approval.id}/approve`, {})).status).toBe(403)
    const first = await ok(manager.post(`/api/v1/approvals/${approval.id}/approve`, {}))
    expect(first).toMatchObject({ status: 'pending', current_step: 2 })
    expect((await rep.patch(`/api/v1/accounts/${account.id}`, { lifecycle_stage: 'customer' })).status).toBe(422)
    expect((await ok(director.get('/api/v1/approvals/inbox'))).data.map((a: { id: string }) => a.id)).toEqual([approval.id])
    await ok(director.post(`/api/v1/approvals/${approval.id}/approve`, {}))
    await ok(rep.patch(`/api/v1/accounts/${account.id}`, { lifecycle_stage: 'customer' }))

    const lonely = await ok(loneRep.post('/api/v1/accounts', { name: '无上级的客户', annual_revenue: { amount: '2000000', currency: 'CNY' } }), 201)
    const fallback = await ok(loneRep.post('/api/v1/approvals', { object: 'accounts', record_id: lonely.id }), 201)
    expect(fallback.steps).toEqual([expect.objectContaining({ approver: null, approver_role: 'admin', status: 'pending' })])
    expect((await ok(admin.get('/api/v1/approvals/inbox'))).data.map((a: { id: string }) => a.id)).toContain(fallback.id)
  })

  it('lets only administrators write rules, and checks them against their object', async () => {
    expect((await rep.post('/api/v1/approval_rules', { name: 'x', object: 'accounts', status_field: 'tier', guarded_value: 'a', approver_kind: 'role', approver_role: 'admin' })).status).toBe(403)
    const bad = await admin.post('/api/v1/approval_rules', {
      name: '坏规则', object: 'accounts', condition_field: 'annual_revenue', condition_operator: 'contains', condition_value: 'x',
      status_field: 'tier', guarded_value: 'z', approver_kind: 'role', approver_role: 'nobody',
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields.map((f: { field: string; code: string }) => [f.field, f.code])).toEqual([
      ['condition_operator', 'invalid_operator'], ['guarded_value', 'invalid_option'], ['approver_role', 'not_found'],
    ])
    expect((await admin.post('/api/v1/approval_rules', { name: 'x', object: 'nothing', status_field: 's', guarded_value: 'v', approver_kind: 'role' })).body.error.fields[0]).toMatchObject({ field: 'object', code: 'not_found' })
    expect((await admin.post('/api/v1/approval_rules', { name: 'x', object: 'accounts', status_field: 'tier', guarded_value: 'a', approver_kind: 'role', system_key: 'k' })).status).toBe(400)
  })

  it('moves the threshold through the setting', async () => {
    await ok(admin.patch('/api/v1/approvals/settings', { quote_discount_threshold: 30 }))
    const quote = await quoteOf(rep, '新门槛下的报价', 20)
    await ok(rep.patch(`/api/v1/quotes/${quote}`, { status: 'sent' }))
    expect((await admin.patch('/api/v1/approvals/settings', { quote_discount_threshold: 101 })).body.error.fields[0]).toMatchObject({ field: 'quote_discount_threshold', code: 'out_of_range' })
    await ok(admin.patch('/api/v1/approvals/settings', { quote_discount_threshold: null }))
    expect(await ok(rep.get('/api/v1/approvals/settings'))).toMatchObject({ quote_discount_threshold: null })
  })
})
