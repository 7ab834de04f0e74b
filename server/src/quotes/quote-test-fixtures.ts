import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { expect } from 'vitest'
import type { ApiClient } from '../test-support/test-server.ts'

// Test support (no tests here): the catalogue a quote test sells from, an SMTP server and a PDF reader.

/** A 1×1 PNG, the smallest real image a PDF can embed. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- API bodies are read loosely in tests, like the test client's
export async function created(response: Promise<{ status: number; body: any }>): Promise<any> {
  const result = await response
  expect(result.status, JSON.stringify(result.body)).toBeLessThan(300)
  return result.body
}

export interface Catalogue {
  crm: string
  gateway: string
  training: string
  book: string
  account: string
  contact: string
}

/** Products in CNY and USD, a tier-A price book with one special price, a tier-A account and its contact. */
export async function makeCatalogue(admin: ApiClient): Promise<Catalogue> {
  const crm = await created(admin.post('/api/v1/products', { name: '销售管理系统 标准版', sku: 'SW-CRM-STD', unit: '套', list_price: { amount: '3980.00', currency: 'CNY' } }))
  const gateway = await created(admin.post('/api/v1/products', { name: 'Integration Gateway', sku: 'SW-API-GW', unit: 'set', list_price: { amount: '12000.00', currency: 'USD' } }))
  const training = await created(admin.post('/api/v1/products', { name: '员工培训（每场）', sku: 'SV-TRN-01', unit: '次', list_price: { amount: '3000.00', currency: 'CNY' } }))
  const book = await created(admin.post('/api/v1/price_books', { name: 'A 类客户价格', currency: 'CNY', customer_tier: 'a', active: true }))
  await created(admin.post('/api/v1/price_book_entries', { price_book_id: book.id, product_id: crm.id, unit_price: { amount: '3500.00', currency: 'CNY' } }))
  const account = await created(admin.post('/api/v1/accounts', { name: '杭州云栖科技有限公司', tier: 'a' }))
  const contact = await created(admin.post('/api/v1/contacts', { name: '王芳', account_id: account.id, email: 'wangfang@yunqi.example.cn' }))
  return { crm: crm.id, gateway: gateway.id, training: training.id, book: book.id, account: account.id, contact: contact.id }
}

/** The text of every page of a PDF, read by pdf.js (an extractor independent of the writer). */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true, isEvalSupported: false }).promise
  const pages: string[] = []
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  await document.destroy()
  return pages.join('\n')
}

/** Raw HTTP for binary bodies (the test client reads text): signed in with an API key of `client`. */
export async function rawClient(client: ApiClient) {
  const key = (await created(client.post('/api/auth/api-keys', { name: 'raw' }))).key as string
  const call = async (method: string, path: string, body?: Buffer, type?: string, language = 'en') => {
    const response = await fetch(`${client.baseUrl}${path}`, {
      method, body: body && new Uint8Array(body), headers: { authorization: `Bearer ${key}`, 'accept-language': language, ...(type && { 'content-type': type }) },
    })
    const bytes = new Uint8Array(await response.arrayBuffer())
    const json = () => JSON.parse(Buffer.from(bytes).toString('utf8'))
    return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), bytes, json }
  }
  return {
    get: (path: string, language?: string) => call('GET', path, undefined, undefined, language),
    send: (method: string, path: string, body: Buffer, type: string) => call(method, path, body, type),
  }
}

/** An SMTP server in this process that keeps every message; addresses in `refuse` are rejected. */
export async function startMailbox(refuse: string[] = []): Promise<{ url: string; messages: ParsedMail[]; close(): Promise<void> }> {
  const messages: ParsedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(refuse.includes(address.address) ? Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }) : undefined)
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((parsed) => {
        messages.push(parsed)
        callback()
      }, callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}
