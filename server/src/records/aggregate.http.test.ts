import { beforeAll, describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { useServerWithWorkspace, type ApiClient } from '../test-support/test-server.ts'

const PASSWORD = 'a long enough password'

describe.each(testEngines)('record aggregates on %s', (engine) => {
  const env = useServerWithWorkspace(engine)
  let rep: ApiClient
  let accountId: string

  beforeAll(async () => {
    const users = await env.admin.post('/api/v1/users/bulk', { create: [{ name: '李雷', email: 'agg-rep@acme.cn', role: 'rep', password: PASSWORD }] })
    expect(users.status, JSON.stringify(users.body)).toBe(200)
    rep = await env.server.signIn('agg-rep@acme.cn', PASSWORD)
    accountId = (await env.admin.post('/api/v1/accounts', { name: '苏州恒信精密机械' })).body.id
    const deal = (name: string, stage: string, amount: string, extra: Record<string, unknown> = {}, currency = 'CNY') => ({ name, stage, amount: { amount, currency }, ...extra })
    const created = await env.admin.post('/api/v1/opportunities/bulk', {
      create: [
        deal('一期', 'proposal', '100000.10', { account_id: accountId, expected_close_date: '2026-05-01' }),
        deal('二期', 'proposal', '0.20', { account_id: accountId, expected_close_date: '2026-07-15' }),
        deal('三期', 'won', '500000.00', { account_id: accountId }),
        deal('外部', 'lost', '42.00', {}, 'USD'),
      ],
    })
    expect(created.status, JSON.stringify(created.body)).toBe(200)
    expect((await rep.post('/api/v1/opportunities', deal('我的商机', 'proposal', '7.00'))).status).toBe(201)
  })

  it('counts and sums exactly, grouped by stage', async () => {
    const response = await env.admin.get('/api/v1/opportunities/aggregate?group_by=stage&sum=amount&max=expected_close_date')
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body).toMatchObject({ count: 5, sum: '600049.30', max: '2026-07-15' })
    const byStage = Object.fromEntries(response.body.groups.map((group: { value: string }) => [group.value, group]))
    expect(response.body.sum_by_currency).toEqual({ CNY: '600007.30', USD: '42.00' })
    expect(byStage.proposal).toEqual({ value: 'proposal', count: 3, sum: '100007.30', sum_by_currency: { CNY: '100007.30' } })
    expect(byStage.won).toEqual({ value: 'won', count: 1, sum: '500000.00', sum_by_currency: { CNY: '500000.00' } })
    expect(byStage.lost).toEqual({ value: 'lost', count: 1, sum: '42.00', sum_by_currency: { USD: '42.00' } })
  })

  it('applies the list filters and search', async () => {
    const open = await env.admin.get(`/api/v1/opportunities/aggregate?filter[account_id][eq]=${accountId}&filter[stage][nin]=won,lost&sum=amount`)
    expect(open.body).toEqual({ count: 2, sum: '100000.30', sum_by_currency: { CNY: '100000.30' } })
    const none = await env.admin.get('/api/v1/opportunities/aggregate?filter[stage][eq]=negotiation&sum=amount&group_by=owner_id')
    expect(none.body).toEqual({ count: 0, sum: null, sum_by_currency: {}, groups: [] })
    const searched = await env.admin.get(`/api/v1/opportunities/aggregate?q=${encodeURIComponent('外部')}`)
    expect(searched.body).toEqual({ count: 1 })
    const byAccount = await env.admin.get('/api/v1/opportunities/aggregate?group_by=account_id')
    expect(byAccount.body.groups).toEqual([{ value: accountId, count: 3 }, { value: null, count: 2 }])
  })

  it('counts only the records in the caller\'s scope', async () => {
    const response = await rep.get('/api/v1/opportunities/aggregate?group_by=stage&sum=amount')
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ count: 1, sum: '7.00', sum_by_currency: { CNY: '7.00' }, groups: [{ value: 'proposal', count: 1, sum: '7.00', sum_by_currency: { CNY: '7.00' } }] })
  })

  it('refuses unknown, ungroupable and unsummable fields, naming the parameter in the user\'s language', async () => {
    const unknown = await env.admin.get('/api/v1/opportunities/aggregate?group_by=nope')
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.fields).toEqual([expect.objectContaining({ field: 'group_by', code: 'unknown_field' })])
    const bad = await env.admin.withLanguage('zh-CN').get('/api/v1/opportunities/aggregate?group_by=description&sum=name')
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields).toEqual([
      { field: 'group_by', code: 'not_groupable', message: '不能按此字段分组。' },
      { field: 'sum', code: 'not_summable', message: '只能对数字或金额字段求和。' },
    ])
    const filter = await env.admin.get('/api/v1/opportunities/aggregate?filter[nope][eq]=1')
    expect(filter.body.error.fields[0]).toMatchObject({ field: 'filter.nope', code: 'unknown_field' })
    expect((await env.admin.get('/api/v1/nothing/aggregate')).status).toBe(404)
  })
})
