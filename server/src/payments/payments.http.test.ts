import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createJobRunner, type JobRunner } from '../events/job-runner.ts'
import { testEngines } from '../test-support/test-database.ts'
import { startTestServer, type ApiClient, type TestServer } from '../test-support/test-server.ts'
import { instalmentOverdueJobs } from './instalment-overdue-job.ts'

const PASSWORD = 'a long enough password'
const cny = (amount: string) => ({ amount, currency: 'CNY' })

describe.each(testEngines)('payment plans, payments and invoices on %s', (engine) => {
  let now = new Date('2026-03-02T01:00:00Z')
  const clock = () => now
  let server: TestServer
  let runner: JobRunner
  const jobErrors: unknown[] = []
  let admin: ApiClient, rep: ApiClient
  let contract: string, otherContract: string
  const instalment: Record<string, string> = {}
  const payment: Record<string, string> = {}

  const ok = async (response: Promise<{ status: number; body: any }>, status = 200) => {
    const result = await response
    expect(result.status, JSON.stringify(result.body)).toBe(status)
    return result.body
  }
  const states = async () => {
    const list = await ok(rep.get(`/api/v1/payment_instalments?filter[contract_id][eq]=${contract}&sort=due_date`))
    return list.data.map((i: { name: string; paid_amount: { amount: string }; status: string }) => [i.name, i.paid_amount.amount, i.status])
  }
  const unapplied = async (id: string) => (await ok(rep.get(`/api/v1/payments/${id}`))).unapplied_amount.amount
  const pay = async (amount: string, extra: Record<string, unknown> = {}) =>
    (await ok(rep.post('/api/v1/payments', { contract_id: contract, amount: cny(amount), received_at: '2026-03-10', method: 'bank_transfer', ...extra }), 201)).id as string

  beforeAll(async () => {
    server = await startTestServer(engine, { now: clock })
    ;({ admin } = await server.newWorkspace('回款测试'))
    await ok(admin.post('/api/v1/users', { name: '李雷', email: 'cash-rep@acme.cn', role: 'rep', password: PASSWORD }), 201)
    rep = await server.signIn('cash-rep@acme.cn', PASSWORD)
    rep = rep.withApiKey((await ok(rep.post('/api/auth/api-keys', { name: 'test' }), 201)).key)
    const account = await ok(rep.post('/api/v1/accounts', { name: '苏州恒信精密机械' }), 201)
    contract = (await ok(rep.post('/api/v1/contracts', { name: '恒信 MES 实施合同', account_id: account.id, value: cny('100000') }), 201)).id
    otherContract = (await ok(rep.post('/api/v1/contracts', { name: '恒信 维保合同', account_id: account.id, value: cny('8000') }), 201)).id
    const plan = await ok(rep.post('/api/v1/payment_plans', { name: '实施合同回款计划', contract_id: contract, total: cny('100000') }), 201)
    expect(plan.account_id).toBe(account.id)
    for (const [name, due, amount] of [['首付款', '2026-03-31', '30000'], ['验收款', '2026-06-30', '50000'], ['尾款', '2026-09-30', '20000']]) {
      const created = await ok(rep.post('/api/v1/payment_instalments', { name, plan_id: plan.id, due_date: due, amount: cny(amount) }), 201)
      expect(created).toMatchObject({ contract_id: contract, status: 'planned', paid_amount: cny('0.00') })
      instalment[name] = created.id
    }
    runner = createJobRunner(server.database.db, { ...instalmentOverdueJobs(clock), clock, onError: (error) => jobErrors.push(error) })
  })
  afterAll(async () => server?.close())

  it('matches exact and partial payments to the oldest open instalment', async () => {
    payment.p1 = await pay('10000.10')
    expect(await states()).toEqual([['首付款', '10000.10', 'partially_paid'], ['验收款', '0.00', 'planned'], ['尾款', '0.00', 'planned']])
    payment.p2 = await pay('19999.90')
    expect(await states()).toEqual([['首付款', '30000.00', 'paid'], ['验收款', '0.00', 'planned'], ['尾款', '0.00', 'planned']])
    expect(await unapplied(payment.p2)).toBe('0.00')
  })

  it('serves the instalment named first and spills the rest over, keeping an overpayment unapplied', async () => {
    payment.p3 = await pay('60000.50', { instalment_id: instalment['尾款'] })
    expect(await states()).toEqual([['首付款', '30000.00', 'paid'], ['验收款', '40000.50', 'partially_paid'], ['尾款', '20000.00', 'paid']])
    payment.p4 = await pay('15000.00', { received_at: '2026-03-20' })
    expect(await states()).toEqual([['首付款', '30000.00', 'paid'], ['验收款', '50000.00', 'paid'], ['尾款', '20000.00', 'paid']])
    expect(await unapplied(payment.p4)).toBe('5000.50')
    const timeline = await ok(rep.get(`/api/v1/payment_instalments/${instalment['验收款']}/timeline`))
    expect(timeline.data.find((e: { type?: string }) => e.type === 'updated').changes.status).toEqual({ before: 'partially_paid', after: 'paid' })
  })

  it('unmatches a deleted payment and matches again, exactly', async () => {
    await ok(rep.delete(`/api/v1/payments/${payment.p3}`))
    expect(await states()).toEqual([['首付款', '30000.00', 'paid'], ['验收款', '15000.00', 'partially_paid'], ['尾款', '0.00', 'planned']])
    expect(await unapplied(payment.p4)).toBe('0.00')
    await ok(rep.patch(`/api/v1/payments/${payment.p4}`, { amount: cny('15000.01') }))
    expect((await states())[1]).toEqual(['验收款', '15000.01', 'partially_paid'])
  })

  it('refuses another currency, an instalment of another contract, and deleting a paid instalment', async () => {
    const usd = await rep.post('/api/v1/payments', { contract_id: contract, amount: { amount: '100', currency: 'USD' }, received_at: '2026-03-10' })
    expect(usd.status).toBe(400)
    expect(usd.body.error.fields).toEqual([{ field: 'amount', code: 'currency_mismatch', message: expect.stringContaining('CNY') }])
    const wrong = await rep.post('/api/v1/payments', { contract_id: otherContract, instalment_id: instalment['尾款'], amount: cny('100'), received_at: '2026-03-10' })
    expect(wrong.body.error.fields[0]).toMatchObject({ field: 'instalment_id', code: 'instalment_contract_mismatch' })
    expect((await rep.delete(`/api/v1/payment_instalments/${instalment['首付款']}`)).status).toBe(409)
    const loose = await ok(rep.post('/api/v1/payments', { amount: cny('88.00'), received_at: '2026-03-11' }), 201)
    expect(loose.unapplied_amount).toEqual(cny('88.00'))
  })

  it('marks unpaid instalments overdue after their due day and tells the contract owner once', async () => {
    now = new Date('2026-06-30T15:00:00Z') // 23:00 in Shanghai: still the due day
    await runner.runOnce()
    expect((await states())[1]).toEqual(['验收款', '15000.01', 'partially_paid'])
    now = new Date('2026-06-30T16:30:00Z') // 00:30 on 1 July in Shanghai
    await runner.runOnce()
    expect(jobErrors).toEqual([])
    expect(await states()).toEqual([['首付款', '30000.00', 'paid'], ['验收款', '15000.01', 'overdue'], ['尾款', '0.00', 'planned']])
    const notes = (await ok(rep.withLanguage('zh-CN').get('/api/v1/notifications'))).data
    expect(notes.map((n: { kind: string; title: string; body: string; record_id: string }) => [n.kind, n.title, n.body, n.record_id])).toEqual([
      ['instalment_overdue', '回款逾期：恒信 MES 实施合同', '验收款（¥50,000.00）应于 2026-06-30 回款，尚欠 ¥34,999.99。', contract],
    ])
    now = new Date('2026-07-02T02:00:00Z')
    await runner.runOnce()
    expect((await ok(rep.get('/api/v1/notifications'))).data).toHaveLength(1)
    const summary = await ok(rep.get(`/api/v1/contracts/${contract}/payment-summary`))
    expect(summary.totals).toEqual([{ currency: 'CNY', planned: '100000.00', received: '45000.01', matched: '45000.01', outstanding: '54999.99', overdue: '34999.99', unapplied: '0.00' }])
    expect(summary.instalments).toHaveLength(3)
    expect(summary.payments.map((p: { id: string }) => p.id)).toEqual([payment.p1, payment.p2, payment.p4])
    await pay('34999.99', { received_at: '2026-07-02' })
    expect((await states())[1]).toEqual(['验收款', '50000.00', 'paid'])
  })

  it('keeps invoices as records linked to the contract and payment', async () => {
    const invoice = await ok(rep.post('/api/v1/invoices', { number: 'FP-2026-0001', contract_id: contract, payment_id: payment.p1, amount: cny('10000.10'), tax: cny('1150.45'), status: 'issued', issued_at: '2026-03-12' }), 201)
    expect(invoice).toMatchObject({ number: 'FP-2026-0001', status: 'issued', tax: cny('1150.45') })
    expect((await ok(rep.get(`/api/v1/invoices?filter[contract_id][eq]=${contract}`))).data).toHaveLength(1)
  })
})
