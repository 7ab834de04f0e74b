import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { startTestServer, type ApiClient, type TestServer } from '../test-support/test-server.ts'

const PASSWORD = 'a long enough password'

describe.each(testEngines)('lead conversion on %s', (engine) => {
  let server: TestServer
  let admin: ApiClient, rep1: ApiClient, rep2: ApiClient, manager: ApiClient
  let rep1Id: string, tagId: string, existingAccount: string

  const count = async (object: string) => (await admin.get(`/api/v1/${object}/aggregate`)).body
  const totals = async () => ({ accounts: await count('accounts'), contacts: await count('contacts'), opportunities: await count('opportunities') })

  beforeAll(async () => {
    server = await startTestServer(engine)
    ;({ admin } = await server.newWorkspace('转化测试'))
    const team = (await admin.post('/api/v1/teams', { name: '华东销售部' })).body.id
    const created = await admin.post('/api/v1/users/bulk', {
      create: [
        { name: '李雷', email: 'conv-rep1@acme.cn', role: 'rep', team_id: team, password: PASSWORD },
        { name: '韩梅梅', email: 'conv-rep2@acme.cn', role: 'rep', password: PASSWORD },
        { name: '王经理', email: 'conv-manager@acme.cn', role: 'manager', team_id: team, password: PASSWORD },
      ],
    })
    expect(created.status, JSON.stringify(created.body)).toBe(200)
    rep1Id = created.body.created[0].id
    rep1 = await server.signIn('conv-rep1@acme.cn', PASSWORD)
    rep2 = await server.signIn('conv-rep2@acme.cn', PASSWORD)
    manager = await server.signIn('conv-manager@acme.cn', PASSWORD)
    tagId = (await admin.post('/api/v1/tags', { name: '重点线索' })).body.id
    existingAccount = (await admin.post('/api/v1/accounts', { name: '杭州云栖科技有限公司', owner_id: rep1Id })).body.id
  })
  afterAll(async () => server?.close())

  const newLead = async (client: ApiClient, values: Record<string, unknown>) => {
    const created = await client.post('/api/v1/leads', { status: 'qualified', ...values })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    return created.body
  }

  it('converts into a new account, contact and deal in one go, taking the activities and tags along', async () => {
    const lead = await newLead(rep1, {
      name: '王小明', company: '苏州恒信精密机械', job_title: '采购经理', email: 'wang@hengxin.cn', phone: '13812345678',
      industry: 'manufacturing', province: '江苏省', city: '苏州', source: 'trade_show', tags: [tagId],
    })
    const call = (await rep1.post('/api/v1/activities', { type: 'call', subject: '首次电话沟通', lead_id: lead.id })).body
    const adminNote = (await admin.post('/api/v1/activities', { type: 'note', subject: '展会名片', lead_id: lead.id, owner_id: (await admin.get('/api/auth/me')).body.user.id })).body
    const converted = await rep1.post(`/api/v1/leads/${lead.id}/convert`, {
      account: { create: { tier: 'b' } },
      opportunity: { name: '恒信 数控车间 MES 项目', amount: { amount: '480000.00', currency: 'CNY' }, expected_close_date: '2026-09-30' },
    })
    expect(converted.status, JSON.stringify(converted.body)).toBe(200)
    const { account, contact, opportunity } = converted.body
    expect(converted.body).toMatchObject({ account_created: true, activities_moved: 2 })
    expect(account).toMatchObject({ name: '苏州恒信精密机械', industry: 'manufacturing', tier: 'b', source: 'trade_show', city: '苏州', address: { province: '江苏省', city: '苏州' }, tags: [tagId], owner_id: rep1Id })
    expect(contact).toMatchObject({ name: '王小明', account_id: account.id, job_title: '采购经理', email: 'wang@hengxin.cn', phone: '13812345678', tags: [tagId], owner_id: rep1Id })
    expect(opportunity).toMatchObject({ name: '恒信 数控车间 MES 项目', account_id: account.id, contact_id: contact.id, stage: 'initial_contact', amount: { amount: '480000.00', currency: 'CNY' }, source: 'trade_show' })
    expect(converted.body.lead).toMatchObject({
      status: 'converted', converted_account_id: account.id, converted_contact_id: contact.id, converted_opportunity_id: opportunity.id, converted_at: expect.any(String),
    })
    for (const id of [call.id, adminNote.id]) {
      expect((await admin.get(`/api/v1/activities/${id}`)).body).toMatchObject({ lead_id: lead.id, account_id: account.id, contact_id: contact.id, opportunity_id: opportunity.id })
    }
    // History: the account's timeline shows the lead's activities; the lead's shows the conversion.
    const accountTimeline = (await admin.get(`/api/v1/accounts/${account.id}/timeline`)).body.data
    expect(accountTimeline.filter((e: { kind: string }) => e.kind === 'activity').map((e: { activity: { subject: string } }) => e.activity.subject).sort()).toEqual(['展会名片', '首次电话沟通'])
    expect(accountTimeline.find((e: { type?: string }) => e.type === 'converted_from_lead').changes.lead.after).toBe('王小明')
    const leadTimeline = (await rep1.get(`/api/v1/leads/${lead.id}/timeline`)).body.data
    expect(leadTimeline.find((e: { type?: string }) => e.type === 'converted').changes).toMatchObject({ status: { before: 'qualified', after: 'converted' }, account: { after: '苏州恒信精密机械' } })
    expect((await rep1.get(`/api/v1/contacts/${contact.id}`)).body.last_activity_at).not.toBeNull()
  })

  it('offers the accounts that look like the lead\'s company, and links the one chosen', async () => {
    const lead = await newLead(rep1, { name: '张伟', company: '杭州云栖科技', email: 'zhangwei@yunqi.cn' })
    const preview = await rep1.get(`/api/v1/leads/${lead.id}/conversion`)
    expect(preview.status, JSON.stringify(preview.body)).toBe(200)
    expect(preview.body.account.values).toMatchObject({ name: '杭州云栖科技', owner_id: rep1Id })
    expect(preview.body.account.duplicates.map((d: { record: { id: string }; matches: string[] }) => [d.record.id, d.matches])).toEqual([[existingAccount, ['name']]])
    const before = await totals()
    const converted = await rep1.post(`/api/v1/leads/${lead.id}/convert`, { account: { id: existingAccount }, contact: { create: { job_title: 'CTO' } } })
    expect(converted.status, JSON.stringify(converted.body)).toBe(200)
    expect(converted.body).toMatchObject({ account_created: false, opportunity: null, account: { id: existingAccount }, contact: { account_id: existingAccount, job_title: 'CTO' } })
    expect(await totals()).toEqual({ ...before, contacts: { ...before.contacts, count: before.contacts.count + 1 } })
  })

  it('refuses to convert twice, or to mark a lead converted by hand', async () => {
    const lead = await newLead(rep1, { name: '刘洋', company: '宁波港联物流' })
    expect((await rep1.post(`/api/v1/leads/${lead.id}/convert`, {})).status).toBe(200)
    const again = await rep1.post(`/api/v1/leads/${lead.id}/convert`, {})
    expect(again.status).toBe(409)
    expect(again.body.error.fields).toEqual([{ field: 'status', code: 'already_converted', message: 'This lead has already been converted.' }])
    const reopened = await rep1.patch(`/api/v1/leads/${lead.id}`, { status: 'qualified' })
    expect(reopened.status).toBe(409)
    expect(reopened.body.error.fields[0]).toMatchObject({ field: 'status', code: 'lead_converted' })
    const other = await newLead(rep1, { name: '陈静' })
    const byHand = await rep1.withLanguage('zh-CN').patch(`/api/v1/leads/${other.id}`, { status: 'converted' })
    expect(byHand.status).toBe(409)
    expect(byHand.body.error.fields).toEqual([{ field: 'status', code: 'convert_with_action', message: '请使用“转化”操作转化线索。' }])
    expect((await rep1.patch(`/api/v1/leads/${other.id}`, { converted_at: '2026-01-01T00:00:00Z' })).status).toBe(400)
  })

  it('writes nothing when a part is invalid, naming the field under its part', async () => {
    const lead = await newLead(rep1, { name: '周杰', company: '无锡新源电气' })
    const before = await totals()
    const bad = await rep1.post(`/api/v1/leads/${lead.id}/convert`, { opportunity: { amount: 'lots' } })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['opportunity.amount'])
    const shape = await rep1.post(`/api/v1/leads/${lead.id}/convert`, { account: { id: existingAccount, create: {} }, extra: 1 })
    expect(shape.body.error.fields.map((f: { field: string; code: string }) => [f.field, f.code])).toEqual([['extra', 'unknown_field'], ['account', 'id_or_create']])
    const missing = await rep1.post(`/api/v1/leads/${lead.id}/convert`, { account: { id: '0190a000-0000-7000-8000-000000000000' } })
    expect(missing.body.error.fields).toEqual([{ field: 'account.id', code: 'not_found', message: expect.any(String) }])
    expect(await totals()).toEqual(before)
    expect((await rep1.get(`/api/v1/leads/${lead.id}`)).body.status).toBe('qualified')
  })

  it('lets only those who may change the lead convert it', async () => {
    const lead = await newLead(rep1, { name: '吴磊', company: '上海浦江医疗' })
    expect((await rep2.get(`/api/v1/leads/${lead.id}/conversion`)).status).toBe(404)
    expect((await rep2.post(`/api/v1/leads/${lead.id}/convert`, {})).status).toBe(404)
    expect((await rep2.post('/api/v1/leads/not-a-uuid/convert', {})).status).toBe(404)
    const converted = await manager.post(`/api/v1/leads/${lead.id}/convert`, {})
    expect(converted.status, JSON.stringify(converted.body)).toBe(200)
    // The records keep the lead's owner, not the manager who converted it.
    expect(converted.body.account.owner_id).toBe(rep1Id)
    expect(converted.body.contact.owner_id).toBe(rep1Id)
  })
})
