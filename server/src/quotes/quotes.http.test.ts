import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { startTestServer, type ApiClient, type TestServer } from '../test-support/test-server.ts'
import { created, makeCatalogue, pdfText, rawClient, TINY_PNG, type Catalogue } from './quote-test-fixtures.ts'

const money = (amount: string, currency = 'CNY') => ({ amount, currency })
const squash = (text: string) => text.replace(/\s+/g, '')

describe.each(testEngines)('quotes: arithmetic, versions and PDF on %s', (engine) => {
  const now = new Date('2026-04-01T08:00:00Z')
  let server: TestServer
  let admin: ApiClient
  let rep: ApiClient
  let raw: Awaited<ReturnType<typeof rawClient>>
  let catalogue: Catalogue
  let quoteId: string
  const lineIds: string[] = []

  const quote = async () => (await admin.get(`/api/v1/quotes/${quoteId}`)).body
  const addLine = (input: Record<string, unknown>) => admin.post('/api/v1/quote_lines', { quote_id: quoteId, ...input })

  beforeAll(async () => {
    server = await startTestServer(engine, { now: () => now })
    ;({ admin } = await server.newWorkspace('报价测试'))
    await created(admin.post('/api/v1/users', { name: '李雷', email: 'quote-rep@example.cn', role: 'rep', password: 'a long enough password' }))
    rep = await server.signIn('quote-rep@example.cn', 'a long enough password')
    raw = await rawClient(admin)
    catalogue = await makeCatalogue(admin)
  })
  afterAll(async () => server?.close())

  it('keeps one price per product and book, in the book\'s currency', async () => {
    const usd = await admin.post('/api/v1/price_book_entries', { price_book_id: catalogue.book, product_id: catalogue.gateway, unit_price: money('1.00', 'USD') })
    expect(usd.status).toBe(400)
    expect(usd.body.error.fields).toEqual([{ field: 'unit_price', code: 'price_currency_mismatch', message: expect.stringContaining('CNY') }])
    const twice = await admin.post('/api/v1/price_book_entries', { price_book_id: catalogue.book, product_id: catalogue.crm, unit_price: money('1.00') })
    expect(twice.status).toBe(409)
    expect(twice.body.error.fields[0]).toMatchObject({ field: 'product_id', code: 'already_in_price_book' })
    const entries = await admin.get(`/api/v1/price_book_entries?filter[price_book_id][eq]=${catalogue.book}`)
    expect(entries.body.data.map((entry: { name: string }) => entry.name)).toEqual(['销售管理系统 标准版'])
    const first = await created(admin.post('/api/v1/price_books', { name: '标准价 2026', currency: 'CNY', is_default: true }))
    const second = await created(admin.post('/api/v1/price_books', { name: '标准价 2026 下半年', currency: 'CNY', is_default: true }))
    expect((await admin.get(`/api/v1/price_books/${first.id}`)).body.is_default).toBe(false)
    expect((await admin.get(`/api/v1/price_books/${second.id}`)).body.is_default).toBe(true)
  })

  it('starts a quote as draft v1 with the account tier\'s price book and the workspace defaults', async () => {
    expect((await rep.patch('/api/v1/quote-settings', { default_tax_percent: 13 })).status).toBe(403)
    const bad = await admin.patch('/api/v1/quote-settings', { default_tax_percent: 101, validity_days: 0, colour: 'red' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['default_tax_percent', 'validity_days', 'colour'])
    await created(admin.patch('/api/v1/quote-settings', { default_tax_percent: 13, validity_days: 30, company_name: '上海数联软件有限公司', company_address: '上海市浦东新区张江路 88 号', default_terms: '付款方式：合同签订后 30 日内付清。' }))
    expect((await admin.post('/api/v1/quotes', { name: 'x', status: 'sent' })).body.error.fields[0].code).toBe('quote_starts_as_draft')
    const body = await created(admin.post('/api/v1/quotes', { name: '云栖科技 CRM 项目报价', account_id: catalogue.account, contact_id: catalogue.contact, discount_percent: 10 }))
    quoteId = body.id
    expect(body).toMatchObject({
      number: 1, status: 'draft', quote_version: 1, currency: 'CNY', price_book_id: catalogue.book, tax_percent: 13, valid_until: '2026-05-01',
      terms: '付款方式：合同签订后 30 日内付清。', subtotal: money('0.00'), total: money('0.00'),
    })
    // Made from an opportunity, a quote is for its account and contact (and so their price book).
    const deal = await created(admin.post('/api/v1/opportunities', { name: '云栖二期', stage: 'proposal', account_id: catalogue.account, contact_id: catalogue.contact }))
    const fromDeal = await created(admin.post('/api/v1/quotes', { name: '二期报价', opportunity_id: deal.id }))
    expect(fromDeal).toMatchObject({ account_id: catalogue.account, contact_id: catalogue.contact, price_book_id: catalogue.book })
    expect((await admin.delete(`/api/v1/quotes/${fromDeal.id}`)).status).toBe(200)
  })

  it('prices lines from the price book, else the list price, and totals them exactly (half up, discount, then tax)', async () => {
    const crm = await created(addLine({ product_id: catalogue.crm, quantity: 3 }))
    expect(crm).toMatchObject({ unit_price: money('3500.00'), description: '销售管理系统 标准版', unit: '套', line_total: money('10500.00'), position: 1 })
    const training = await created(addLine({ product_id: catalogue.training, quantity: 2, discount_percent: 5 }))
    expect(training).toMatchObject({ unit_price: money('3000.00'), line_total: money('5700.00') })
    const bulk = await admin.post('/api/v1/quote_lines/bulk', { create: [
      { quote_id: quoteId, description: '定制开发（人天）', quantity: 1.5, unit_price: money('1333.33'), discount_percent: 12.5 },
      { quote_id: quoteId, description: '短信（条）', quantity: 0.5, unit_price: money('0.05') },
    ] })
    expect(bulk.status, JSON.stringify(bulk.body)).toBe(200)
    const lines = (await admin.get(`/api/v1/quote_lines?filter[quote_id][eq]=${quoteId}&sort=position`)).body.data
    expect(lines.map((line: { line_total: { amount: string } }) => line.line_total.amount)).toEqual(['10500.00', '5700.00', '1750.00', '0.03'])
    expect(lines.map((line: { position: number }) => line.position)).toEqual([1, 2, 3, 4])
    lineIds.push(...lines.map((line: { id: string }) => line.id))
    expect(await quote()).toMatchObject({ subtotal: money('17950.03'), discount_total: money('1795.00'), tax_total: money('2100.15'), total: money('18255.18') })
  })

  it('refuses a line in another currency, naming the field, and writes nothing', async () => {
    const usd = await addLine({ product_id: catalogue.gateway, quantity: 1 })
    expect(usd.status).toBe(400)
    expect(usd.body.error.fields).toEqual([{ field: 'unit_price', code: 'price_currency_mismatch', message: expect.stringContaining('CNY') }])
    const zh = await admin.withLanguage('zh-CN').post('/api/v1/quote_lines', { quote_id: quoteId, description: 'x', quantity: 1, unit_price: money('5.00', 'USD') })
    expect(zh.body.error.fields[0].message).toContain('CNY')
    expect((await addLine({ description: '空', quantity: 0, unit_price: money('1.00') })).body.error.fields[0]).toMatchObject({ field: 'quantity', code: 'too_small' })
    expect((await admin.patch(`/api/v1/quotes/${quoteId}`, { currency: 'USD' })).body.error.fields[0]).toMatchObject({ field: 'currency', code: 'quote_has_lines' })
    expect((await admin.get(`/api/v1/quote_lines?filter[quote_id][eq]=${quoteId}`)).body.data).toHaveLength(4)
    expect((await quote()).total).toEqual(money('18255.18'))
  })

  it('keeps a rep away from other people\'s quotes and their lines', async () => {
    expect((await rep.get(`/api/v1/quotes/${quoteId}`)).status).toBe(404)
    expect((await rep.get('/api/v1/quote_lines')).body.data).toEqual([])
    expect((await rep.post('/api/v1/quote_lines', { quote_id: quoteId, description: 'x', quantity: 1, unit_price: money('1.00') })).status).toBe(400)
    expect((await rep.get(`/api/v1/quotes/${quoteId}/pdf`)).status).toBe(404)
  })

  it('moves status only along the lifecycle', async () => {
    const jump = await admin.patch(`/api/v1/quotes/${quoteId}`, { status: 'accepted' })
    expect(jump.status).toBe(400)
    expect(jump.body.error.fields[0]).toMatchObject({ field: 'status', code: 'invalid_status_change', message: 'The status cannot go from "draft" to "accepted".' })
  })

  it('freezes the sent version and makes a new one when the quote or a line is edited after sending', async () => {
    const sent = await admin.post(`/api/v1/quotes/${quoteId}/send`, { email: false })
    expect(sent.status, JSON.stringify(sent.body)).toBe(200)
    expect(sent.body).toMatchObject({ emailed: false, quote: { status: 'sent', sent_at: now.toISOString(), quote_version: 1 } })
    await created(admin.patch(`/api/v1/quote_lines/${lineIds[0]}`, { quantity: 4 }))
    expect(await quote()).toMatchObject({ quote_version: 2, status: 'draft', sent_at: null, total: money('21814.68') })
    await created(admin.patch(`/api/v1/quotes/${quoteId}`, { terms: '付款方式：预付 50%，验收后付清。' }))
    expect((await quote()).quote_version).toBe(2)
    await created(admin.post(`/api/v1/quotes/${quoteId}/send`, { email: false }))
    const edited = await created(admin.patch(`/api/v1/quotes/${quoteId}`, { discount_percent: 5 }))
    expect(edited).toMatchObject({ quote_version: 3, status: 'draft', discount_total: money('1072.50'), tax_total: money('2649.08'), total: money('23026.61') })
    const versions = (await admin.get(`/api/v1/quotes/${quoteId}/versions`)).body.data
    expect(versions.map((v: { quote_version: number; status: string; total: { amount: string }; current: boolean }) => [v.quote_version, v.status, v.total.amount, v.current]))
      .toEqual([[1, 'sent', '18255.18', false], [2, 'sent', '21814.68', false], [3, 'draft', '23026.61', true]])
    const first = (await admin.get(`/api/v1/quotes/${quoteId}/versions/1`)).body
    expect(first.quote.terms).toBe('付款方式：合同签订后 30 日内付清。')
    expect(first.lines.map((line: { quantity: number }) => line.quantity)).toEqual([3, 2, 1.5, 0.5])
    expect((await admin.get(`/api/v1/quotes/${quoteId}/versions/9`)).status).toBe(404)
  })

  it('renders the PDF with the company logo and Chinese text embedded, for any version', async () => {
    expect((await raw.send('PUT', '/api/v1/quote-settings/logo', Buffer.from('not an image'), 'image/png')).json().error.fields[0].code).toBe('logo_not_image')
    expect((await raw.send('PUT', '/api/v1/quote-settings/logo', TINY_PNG, 'image/png')).status).toBe(200)
    expect((await admin.get('/api/v1/quote-settings')).body).toMatchObject({ company_name: '上海数联软件有限公司', has_logo: true })
    const pdf = await raw.get(`/api/v1/quotes/${quoteId}/pdf`, 'zh-CN')
    expect(pdf.status).toBe(200)
    expect(pdf.type).toBe('application/pdf')
    expect(pdf.disposition).toContain(`filename*=UTF-8''Q-0001-v3`)
    // A subset of the CJK font is embedded: the file stays small, far from the font's 8 MB.
    expect(pdf.bytes.length).toBeLessThan(300_000)
    const text = squash(await pdfText(pdf.bytes))
    for (const expected of ['上海数联软件有限公司', '杭州云栖科技有限公司', '王芳', '销售管理系统标准版', '员工培训（每场）', '定制开发（人天）', 'Q-0001v3', '报价单', '总计', '¥23,026.61', '预付50%']) {
      expect(text).toContain(squash(expected))
    }
    const old = squash(await pdfText((await raw.get(`/api/v1/quotes/${quoteId}/pdf?version=1`)).bytes))
    expect(old).toContain('Q-0001v1')
    expect(old).toContain('¥18,255.18')
    expect(old).toContain('合同签订后30日内付清')
    const english = squash(await pdfText((await raw.get(`/api/v1/quotes/${quoteId}/pdf`)).bytes))
    expect(english).toContain('QUOTATION')
    expect(english).toContain('Subtotal')
  })

  it('ends in accepted, after which neither the quote nor its lines change', async () => {
    await created(admin.post(`/api/v1/quotes/${quoteId}/send`, { email: false }))
    const accepted = await created(admin.patch(`/api/v1/quotes/${quoteId}`, { status: 'accepted' }))
    expect(accepted).toMatchObject({ status: 'accepted', accepted_at: now.toISOString(), quote_version: 3 })
    expect((await admin.patch(`/api/v1/quotes/${quoteId}`, { discount_percent: 0 })).status).toBe(409)
    const line = await admin.patch(`/api/v1/quote_lines/${lineIds[1]}`, { quantity: 1 })
    expect(line.status).toBe(409)
    expect(line.body.error.fields[0]).toMatchObject({ field: 'quote_id', code: 'quote_accepted' })
    expect((await admin.delete(`/api/v1/quote_lines/${lineIds[1]}`)).status).toBe(409)
  })
})
