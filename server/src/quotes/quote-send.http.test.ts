import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { startTestServer, type ApiClient, type TestServer } from '../test-support/test-server.ts'
import { created, makeCatalogue, pdfText, startMailbox, type Catalogue } from './quote-test-fixtures.ts'

const REFUSED = 'nobody@refused.example.cn'

describe.each(testEngines)('sending quotes by email on %s', (engine) => {
  let server: TestServer
  let admin: ApiClient
  let mailbox: Awaited<ReturnType<typeof startMailbox>>
  let catalogue: Catalogue

  const newQuote = async (input: Record<string, unknown> = {}) => {
    const quote = await created(admin.post('/api/v1/quotes', { name: '云栖科技 CRM 报价', account_id: catalogue.account, contact_id: catalogue.contact, ...input }))
    await created(admin.post('/api/v1/quote_lines', { quote_id: quote.id, product_id: catalogue.crm, quantity: 2 }))
    return quote.id as string
  }
  const statusOf = async (id: string) => (await admin.get(`/api/v1/quotes/${id}`)).body

  beforeAll(async () => {
    mailbox = await startMailbox([REFUSED])
    server = await startTestServer(engine)
    ;({ admin } = await server.newWorkspace('邮件测试'))
    catalogue = await makeCatalogue(admin)
    await created(admin.patch('/api/v1/quote-settings', { company_name: '上海数联软件有限公司' }))
  })
  afterAll(async () => {
    await server?.close()
    await mailbox?.close()
  })

  it('refuses to email without a mail server and leaves the quote as it was', async () => {
    const id = await newQuote()
    const response = await admin.post(`/api/v1/quotes/${id}/send`)
    expect(response.status).toBe(409)
    expect(response.body.error.fields[0]).toMatchObject({ field: 'email', code: 'mail_not_configured' })
    expect((await statusOf(id)).status).toBe('draft')
  })

  it('lets administrators set the mail server, checked, with the password never read back', async () => {
    const rep = await server.newWorkspace('other')
    expect((await rep.admin.get('/api/v1/mail/settings')).body).toMatchObject({ configured: false })
    const bad = await admin.patch('/api/v1/mail/settings', { smtp_url: 'http://mail.example.cn', from: 'not an address' })
    expect(bad.body.error.fields.map((f: { field: string; code: string }) => [f.field, f.code])).toEqual([['smtp_url', 'invalid_smtp_url'], ['from', 'invalid_email']])
    await created(admin.patch('/api/v1/mail/settings', { smtp_url: 'smtp://sales:s3cret@smtp.example.cn:587' }))
    const read = (await admin.get('/api/v1/mail/settings')).body
    expect(read).toMatchObject({ smtp_url: 'smtp://sales:****@smtp.example.cn:587', configured: true, source: 'workspace' })
    // Saving the masked URL back keeps the stored password.
    await created(admin.patch('/api/v1/mail/settings', { smtp_url: read.smtp_url, from: '数联销售 <sales@shulian.example.cn>' }))
    expect((await admin.get('/api/v1/mail/settings')).body.smtp_url).toBe('smtp://sales:****@smtp.example.cn:587')
    await created(admin.patch('/api/v1/mail/settings', { smtp_url: mailbox.url }))
  })

  it('emails the PDF to the contact, marks the quote sent and logs the email on the timeline', async () => {
    const id = await newQuote()
    const response = await admin.post(`/api/v1/quotes/${id}/send`, { cc: 'boss@shulian.example.cn' })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body).toMatchObject({ emailed: true, to: 'wangfang@yunqi.example.cn', quote: { status: 'sent', quote_version: 1 } })
    expect(mailbox.messages).toHaveLength(1)
    const [mail] = mailbox.messages
    expect(mail.from?.text).toContain('sales@shulian.example.cn')
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('wangfang@yunqi.example.cn')
    expect(mail.subject).toMatch(/^Quote Q-\d{4} v1: 云栖科技 CRM 报价$/)
    expect(mail.text).toContain('¥7,000.00')
    expect(mail.attachments).toHaveLength(1)
    expect(mail.attachments[0]).toMatchObject({ contentType: 'application/pdf' })
    expect(mail.attachments[0].filename).toMatch(/^Q-\d{4}-v1 云栖科技 CRM 报价\.pdf$/)
    const text = (await pdfText(mail.attachments[0].content)).replace(/\s+/g, '')
    expect(text).toContain('上海数联软件有限公司')
    expect(text).toContain('杭州云栖科技有限公司')
    expect(text).toContain('销售管理系统标准版')
    const activities = (await admin.get(`/api/v1/activities?filter[related_id][eq]=${id}`)).body.data
    expect(activities).toMatchObject([{ type: 'email', subject: mail.subject, account_id: catalogue.account, contact_id: catalogue.contact, done: true }])
  })

  it('puts the status back when the mail server refuses, and asks for a recipient when there is none', async () => {
    const id = await newQuote()
    const refused = await admin.withLanguage('zh-CN').post(`/api/v1/quotes/${id}/send`, { to: REFUSED })
    expect(refused.status).toBe(409)
    expect(refused.body.error.fields[0]).toMatchObject({ field: 'email', code: 'mail_failed', message: '邮件服务器未接受该邮件，未发送任何内容。' })
    expect(await statusOf(id)).toMatchObject({ status: 'draft', sent_at: null })
    const noContact = await newQuote({ contact_id: null })
    expect((await admin.post(`/api/v1/quotes/${noContact}/send`)).body.error.fields[0]).toMatchObject({ field: 'to', code: 'no_recipient' })
    expect((await admin.post(`/api/v1/quotes/${noContact}/send`, { to: 'not-an-email', colour: 1 })).body.error.fields.map((f: { field: string }) => f.field)).toEqual(['to', 'colour'])
    expect(mailbox.messages).toHaveLength(1)
  })

  it('goes through the write pipeline, so the discount approval rule can stop a send', async () => {
    const id = await newQuote({ discount_percent: 30 })
    const response = await admin.post(`/api/v1/quotes/${id}/send`, { email: false })
    expect(response.status).toBe(422)
    expect(response.body.error.fields[0]).toMatchObject({ field: 'status', code: 'needs_approval' })
    expect(await statusOf(id)).toMatchObject({ status: 'draft', sent_at: null })
    expect(mailbox.messages).toHaveLength(1)
  })
})
