import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { created, makeCatalogue, rawClient, type Catalogue } from '../quotes/quote-test-fixtures.ts'
import { testEngines } from '../test-support/test-database.ts'
import { startTestServer, type ApiClient, type TestServer } from '../test-support/test-server.ts'
import { expireOutdated } from './expiry-job.ts'

const money = (amount: string, currency = 'CNY') => ({ amount, currency })

describe.each(testEngines)('contracts and orders from quotes on %s', (engine) => {
  const now = new Date('2026-04-01T08:00:00Z')
  let server: TestServer
  let admin: ApiClient
  let catalogue: Catalogue
  let quoteId: string
  let contractId: string

  beforeAll(async () => {
    server = await startTestServer(engine, { now: () => now })
    ;({ admin } = await server.newWorkspace('合同测试'))
    catalogue = await makeCatalogue(admin)
    const opportunity = await created(admin.post('/api/v1/opportunities', { name: '云栖科技 CRM 项目', account_id: catalogue.account, stage: 'proposal' }))
    const quote = await created(admin.post('/api/v1/quotes', { name: '云栖科技 CRM 报价', account_id: catalogue.account, opportunity_id: opportunity.id, tax_percent: 13 }))
    quoteId = quote.id
    await created(admin.post('/api/v1/quote_lines', { quote_id: quoteId, product_id: catalogue.crm, quantity: 2 }))
  })
  afterAll(async () => server?.close())

  it('refuses a contract from a quote that is not accepted', async () => {
    const response = await admin.post(`/api/v1/quotes/${quoteId}/contract`)
    expect(response.status).toBe(409)
    expect(response.body.error.fields[0]).toMatchObject({ field: 'status', code: 'quote_not_accepted' })
    expect((await admin.get('/api/v1/contracts')).body.data).toEqual([])
  })

  it('turns an accepted quote into one contract worth its total, keeping the links', async () => {
    await created(admin.post(`/api/v1/quotes/${quoteId}/send`, { email: false }))
    const quote = await created(admin.patch(`/api/v1/quotes/${quoteId}`, { status: 'accepted' }))
    expect(quote.total).toEqual(money('7910.00'))
    const bad = await admin.post(`/api/v1/quotes/${quoteId}/contract`, { end_date: '2026-01-01', value: money('1.00') })
    expect(bad.body.error.fields).toEqual([{ field: 'value', code: 'unknown_field', message: expect.any(String) }])
    const early = await admin.post(`/api/v1/quotes/${quoteId}/contract`, { end_date: '2026-01-01' })
    expect(early.body.error.fields[0]).toMatchObject({ field: 'end_date', code: 'ends_before_start' })
    const response = await admin.post(`/api/v1/quotes/${quoteId}/contract`, { end_date: '2027-03-31' })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    expect(response.body).toMatchObject({
      number: 1, name: '云栖科技 CRM 报价', account_id: catalogue.account, quote_id: quoteId, opportunity_id: quote.opportunity_id,
      value: money('7910.00'), status: 'draft', start_date: '2026-04-01', end_date: '2027-03-31',
    })
    contractId = response.body.id
    const again = await admin.post(`/api/v1/quotes/${quoteId}/contract`)
    expect(again.status).toBe(409)
    expect(again.body.error.fields[0]).toMatchObject({ field: 'quote_id', code: 'contract_exists' })
  })

  it('signs the contract on activation and keeps its status moves in order', async () => {
    const active = await created(admin.patch(`/api/v1/contracts/${contractId}`, { status: 'active' }))
    expect(active).toMatchObject({ status: 'active', signed_at: '2026-04-01' })
    expect((await admin.patch(`/api/v1/contracts/${contractId}`, { status: 'draft' })).body.error.fields[0]).toMatchObject({ field: 'status', code: 'invalid_status_change' })
  })

  it('orders up to the contract value and no more', async () => {
    const over = await admin.post(`/api/v1/contracts/${contractId}/order`, { amount: money('8000.00') })
    expect(over.status).toBe(409)
    expect(over.body.error.fields[0]).toMatchObject({ field: 'amount', code: 'exceeds_contract', message: expect.stringContaining('7910.00') })
    expect((await admin.post(`/api/v1/contracts/${contractId}/order`, { amount: money('10.00', 'USD') })).body.error.fields[0]).toMatchObject({ field: 'amount', code: 'price_currency_mismatch' })
    const first = await admin.post(`/api/v1/contracts/${contractId}/order`, { amount: money('3000.00'), name: '首批交付' })
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    expect(first.body).toMatchObject({ number: 1, name: '首批交付', account_id: catalogue.account, contract_id: contractId, quote_id: quoteId, amount: money('3000.00'), status: 'pending', order_date: '2026-04-01' })
    const rest = await created(admin.post(`/api/v1/contracts/${contractId}/order`))
    expect(rest).toMatchObject({ number: 2, amount: money('4910.00'), name: '云栖科技 CRM 报价' })
    const full = await admin.post(`/api/v1/contracts/${contractId}/order`)
    expect(full.status).toBe(409)
    expect(full.body.error.fields[0]).toMatchObject({ code: 'contract_fully_ordered' })
    // A cancelled order gives its amount back.
    await created(admin.patch(`/api/v1/orders/${first.body.id}`, { status: 'cancelled' }))
    expect((await created(admin.post(`/api/v1/contracts/${contractId}/order`))).amount).toEqual(money('3000.00'))
  })

  it('keeps the signed copy as a file of the contract', async () => {
    const raw = await rawClient(admin)
    const scan = Buffer.from('%PDF-1.4 signed contract scan')
    const upload = await raw.send('POST', `/api/v1/contracts/${contractId}/attachment?name=${encodeURIComponent('合同扫描件.pdf')}`, scan, 'application/pdf')
    expect(upload.status).toBe(200)
    const signedCopy = upload.json().signed_copy
    expect(signedCopy).toMatchObject({ name: '合同扫描件.pdf', size: scan.length, contentType: 'application/pdf' })
    const download = await raw.get(signedCopy.url)
    expect(download.status).toBe(200)
    expect(Buffer.from(download.bytes).equals(scan)).toBe(true)
    expect(download.disposition).toContain(encodeURIComponent('合同扫描件.pdf'))
    expect((await raw.get(`/api/v1/contracts/${contractId}/attachment/${crypto.randomUUID()}`)).status).toBe(404)
    const other = await server.newWorkspace('另一家')
    expect((await (await rawClient(other.admin)).get(signedCopy.url)).status).toBe(404)
    expect((await raw.send('POST', `/api/v1/contracts/${contractId}/attachment`, scan, 'application/pdf')).json().error.fields[0]).toMatchObject({ field: 'name', code: 'required' })
  })
  it('expires sent quotes after their last valid day and active contracts after their end day, by the workspace\'s local day', async () => {
    const sent = await created(admin.post('/api/v1/quotes', { name: '过期报价', account_id: catalogue.account, valid_until: '2026-04-10' }))
    await created(admin.post('/api/v1/quote_lines', { quote_id: sent.id, product_id: catalogue.crm, quantity: 1 }))
    expect((await admin.post(`/api/v1/quotes/${sent.id}/send`, { email: false })).status).toBe(200)
    const draft = await created(admin.post('/api/v1/quotes', { name: '草稿报价', account_id: catalogue.account, valid_until: '2026-04-10' }))
    const contract = await created(admin.post('/api/v1/contracts', { name: '年度服务', account_id: catalogue.account, start_date: '2025-04-11', end_date: '2026-04-10' }))
    expect((await admin.patch(`/api/v1/contracts/${contract.id}`, { status: 'active' })).status).toBe(200)
    const db = server.database.db
    const workspaceId = (await admin.get('/api/auth/me')).body.workspace.id
    // 2026-04-10 23:30 in Shanghai is still the last valid day there.
    expect(await db.transaction().execute((trx) => expireOutdated(trx, workspaceId, 'Asia/Shanghai', () => new Date('2026-04-10T15:30:00Z')))).toEqual({ quotes: 0, contracts: 0 })
    expect(await db.transaction().execute((trx) => expireOutdated(trx, workspaceId, 'Asia/Shanghai', () => new Date('2026-04-10T16:30:00Z')))).toEqual({ quotes: 1, contracts: 1 })
    expect((await admin.get(`/api/v1/quotes/${sent.id}`)).body.status).toBe('expired')
    expect((await admin.get(`/api/v1/quotes/${draft.id}`)).body.status).toBe('draft')
    expect((await admin.get(`/api/v1/contracts/${contract.id}`)).body.status).toBe('expired')
    const timeline = (await admin.get(`/api/v1/quotes/${sent.id}/timeline`)).body.data
    expect(timeline[0]).toMatchObject({ kind: 'event', type: 'updated', changes: { status: { before: 'sent', after: 'expired' } }, actor: null })
  })
})
