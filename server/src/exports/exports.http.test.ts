import { parse as parseCsv } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { startTestServer, type ApiClient, type TestServer } from '../test-support/test-server.ts'

const PASSWORD = 'a long enough password'

/** Raw download with an API key (the test client reads bodies as text). */
async function download(server: TestServer, key: string, path: string, language = 'en') {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${key}`, 'accept-language': language } })
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) }
}
const csvRows = (bytes: Buffer) => parseCsv(bytes.toString('utf8'), { bom: true }) as string[][]

describe.each(testEngines)('export on %s', (engine) => {
  let server: TestServer
  let admin: ApiClient
  let adminKey: string
  let rep: ApiClient
  let managerKey: string
  let account: { id: string }

  beforeAll(async () => {
    server = await startTestServer(engine)
    ;({ admin } = await server.newWorkspace('导出测试'))
    adminKey = (await admin.post('/api/auth/api-keys', { name: 'export' })).body.key
    const east = (await admin.post('/api/v1/teams', { name: '华东销售部' })).body
    const north = (await admin.post('/api/v1/teams', { name: '华北销售部' })).body
    const users = await admin.post('/api/v1/users/bulk', {
      create: [
        { name: '王经理', email: 'manager@acme.cn', role: 'manager', team_id: east.id, password: PASSWORD },
        { name: '李雷', email: 'rep@acme.cn', role: 'rep', team_id: north.id, password: PASSWORD },
      ],
    })
    expect(users.status, JSON.stringify(users.body)).toBe(200)
    const manager = await server.signIn('manager@acme.cn', PASSWORD)
    managerKey = (await manager.post('/api/auth/api-keys', { name: 'export' })).body.key
    rep = await server.signIn('rep@acme.cn', PASSWORD)
    account = (await admin.post('/api/v1/accounts', { name: '苏州恒信精密机械' })).body
    const created = await admin.post('/api/v1/contacts/bulk', {
      create: [
        { name: '张伟', account_id: account.id, job_title: '采购经理', email: 'zhangwei@hengxin.cn', phone: '13800138000', lifecycle_stage: 'customer', city: '苏州', description: '关注交期, "加急"; 第二行\n换行' },
        { name: 'Ada Lovelace', email: 'ada@example.com', lifecycle_stage: 'prospect' },
        { name: '李娜', account_id: account.id, lifecycle_stage: 'customer', phone: '+86 139-0013-9000' },
      ],
    })
    expect(created.status, JSON.stringify(created.body)).toBe(200)
    await manager.post('/api/v1/contacts', { name: '经理的联系人', lifecycle_stage: 'customer' })
    await rep.post('/api/v1/contacts', { name: '北方代表的联系人', lifecycle_stage: 'customer' })
  })
  afterAll(async () => server?.close())

  it('writes CSV with a BOM, headers in the reader\'s language and values as people read them', async () => {
    const path = '/api/v1/contacts/export?format=csv&fields=name,account_id,lifecycle_stage,description&sort=name&filter[lifecycle_stage][eq]=customer'
    const response = await download(server, adminKey, path, 'zh-CN')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/csv')
    expect([...response.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const disposition = response.headers.get('content-disposition')!
    expect(disposition).toMatch(/^attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/)
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toMatch(/^联系人-\d{4}-\d{2}-\d{2}\.csv$/)
    const rows = csvRows(response.bytes)
    expect(rows[0]).toEqual(['姓名', '所属客户', '生命周期阶段', '备注'])
    const names = rows.slice(1).map((row) => row[0])
    // Only customers, sorted by name, every owner's record for the administrator.
    expect(names).toEqual([...names].sort())
    expect(names).toHaveLength(4)
    expect(names).toEqual(expect.arrayContaining(['张伟', '李娜', '经理的联系人', '北方代表的联系人']))
    expect(rows.find((row) => row[0] === '张伟')).toEqual(['张伟', '苏州恒信精密机械', '成交客户', '关注交期, "加急"; 第二行\n换行'])
    const english = csvRows((await download(server, adminKey, '/api/v1/contacts/export?fields=name,lifecycle_stage&q=Ada')).bytes)
    expect(english).toEqual([['Name', 'Lifecycle stage'], ['Ada Lovelace', 'Prospect']])
    // A formula-looking value stays text in a spreadsheet.
    await admin.post('/api/v1/contacts', { name: '=HYPERLINK("http://evil")', lifecycle_stage: 'churned' })
    const churned = csvRows((await download(server, adminKey, '/api/v1/contacts/export?fields=name&filter[lifecycle_stage][eq]=churned')).bytes)
    expect(churned[1]).toEqual(['\'=HYPERLINK("http://evil")'])
    // A download by navigation names its language in the address.
    const chinese = csvRows((await download(server, adminKey, '/api/v1/contacts/export?fields=name,lifecycle_stage&q=Ada&lang=zh-CN')).bytes)
    expect(chinese).toEqual([['姓名', '生命周期阶段'], ['Ada Lovelace', '潜在客户']])
    expect((await admin.get('/api/v1/contacts/export?lang=fr')).body.error.fields[0].field).toBe('lang')
  })

  it('exports only the records in the caller\'s scope, and refuses without the export permission', async () => {
    const rows = csvRows((await download(server, managerKey, '/api/v1/contacts/export?fields=name')).bytes)
    expect(rows.slice(1).map((row) => row[0])).toEqual(['经理的联系人'])
    const refused = await rep.get('/api/v1/contacts/export?format=csv')
    expect(refused.status).toBe(403)
    expect(refused.body.error.code).toBe('FORBIDDEN')
    const bad = await admin.get('/api/v1/contacts/export?format=pdf')
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields[0]).toMatchObject({ field: 'format', code: 'invalid_option' })
    expect((await admin.get('/api/v1/accounts/export?format=vcf')).body.error.fields[0].field).toBe('format')
    expect((await admin.get('/api/v1/contacts/export?fields=nope')).body.error.fields[0].field).toBe('fields')
    expect(csvRows((await download(server, adminKey, '/api/v1/contacts/export?fields=,&q=Ada')).bytes)[0]).toEqual(csvRows((await download(server, adminKey, '/api/v1/contacts/export?q=Ada')).bytes)[0])
    expect((await admin.get('/api/v1/contacts/export?sort=nope')).body.error.fields[0].field).toBe('sort')
    expect((await admin.get('/api/v1/contacts/export?filter[nope][eq]=1')).status).toBe(400)
  })

  it('audits every export, readable by administrators only, newest first and keyset-paged', async () => {
    await download(server, adminKey, '/api/v1/contacts/export?format=csv&filter[lifecycle_stage][eq]=prospect')
    const audit = await admin.get('/api/v1/audit?action=export&limit=1')
    expect(audit.status).toBe(200)
    expect(audit.body.data[0]).toMatchObject({ action: 'export', object: 'contacts', details: { format: 'csv', rows: 1, status: 'completed', filter: { lifecycle_stage: { eq: 'prospect' } } } })
    expect(audit.body.next_cursor).toBeTruthy()
    const next = await admin.get(`/api/v1/audit?action=export&limit=1&cursor=${audit.body.next_cursor}`)
    expect(next.body.data[0].id < audit.body.data[0].id).toBe(true)
    expect((await rep.get('/api/v1/audit')).status).toBe(403)
    expect((await admin.get('/api/v1/audit?cursor=zzz')).body.error.fields[0].field).toBe('cursor')
    expect((await admin.get('/api/v1/audit?limit=0')).body.error.fields[0].field).toBe('limit')
  })

  it('writes an Excel workbook that a reader opens', async () => {
    const response = await download(server, adminKey, '/api/v1/contacts/export?format=xlsx&fields=name,account_id,phone&sort=name&filter[account_id][eq]=' + account.id, 'zh-CN')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toContain('.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.bytes as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    const values = sheet.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1))
    expect(values).toEqual([
      ['姓名', '所属客户', '手机'],
      ['张伟', '苏州恒信精密机械', '13800138000'],
      ['李娜', '苏州恒信精密机械', '+86 139-0013-9000'],
    ])
  })

  it('exports contacts as vCards that an independent parser reads, and imports vCards as contacts', async () => {
    const response = await download(server, adminKey, `/api/v1/contacts/export?format=vcf&filter[account_id][eq]=${account.id}&sort=name`)
    expect(response.headers.get('content-type')).toContain('text/vcard')
    const text = response.bytes.toString('utf8')
    const parsed = ICAL.parse(text) as unknown as unknown[]
    const cards = (Array.isArray(parsed[0]) ? parsed : [parsed]).map((jcard) => new ICAL.Component(jcard as never))
    expect(cards).toHaveLength(2)
    const zhang = cards.find((card) => card.getFirstPropertyValue('fn') === '张伟')!
    expect(zhang.getFirstPropertyValue('org')).toBe('苏州恒信精密机械')
    expect(zhang.getFirstPropertyValue('title')).toBe('采购经理')
    expect(zhang.getFirstPropertyValue('email')).toBe('zhangwei@hengxin.cn')
    expect(zhang.getFirstPropertyValue('tel')).toBe('13800138000')
    expect(zhang.getFirstPropertyValue('n')).toEqual(['张', '伟', '', '', ''])
    expect((zhang.getFirstPropertyValue('adr') as unknown as string[])[3]).toBe('苏州')
    expect(zhang.getFirstPropertyValue('note')).toBe('关注交期, "加急"; 第二行\n换行')

    const upload = [
      text.replace(/张伟/g, '张伟二').replace(/zhangwei@/g, 'zw2@'),
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Grace Hopper\r\nN:Hopper;Grace;;;\r\nORG:Unknown Co\r\nEMAIL:grace@example.com\r\nTEL;VALUE=uri:tel:+1-202-555-0100\r\nEND:VCARD\r\n',
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:坏邮箱\r\nEMAIL:not-an-email\r\nEND:VCARD\r\n',
    ].join('')
    const imported = await admin.request('POST', '/api/v1/contacts/vcard', upload, { 'content-type': 'text/vcard' })
    expect(imported.status, JSON.stringify(imported.body)).toBe(200)
    expect(imported.body).toMatchObject({ created: 3, failed: 1 })
    const bad = imported.body.results.find((result: { status: string }) => result.status === 'failed')
    expect(bad).toMatchObject({ index: 3, name: '坏邮箱', error: { code: 'VALIDATION_FAILED', fields: [{ field: 'email', code: 'invalid_email' }] } })
    const grace = imported.body.results.find((result: { name: string }) => result.name === 'Grace Hopper')
    expect(grace).toMatchObject({ status: 'created', account: 'not_found' })
    const zhang2 = (await admin.get(`/api/v1/contacts?filter[email][eq]=zw2@hengxin.cn`)).body.data[0]
    expect(zhang2).toMatchObject({ name: '张伟二', account_id: account.id, job_title: '采购经理', phone: '13800138000', city: '苏州' })
    expect((await admin.get(`/api/v1/contacts/${grace.id}`)).body).toMatchObject({ email: 'grace@example.com', phone: '+1-202-555-0100' })
    expect((await admin.get('/api/v1/audit?action=import&limit=1')).body.data[0]).toMatchObject({ object: 'contacts', details: { format: 'vcf', cards: 4, created: 3, failed: 1 } })
    expect((await admin.request('POST', '/api/v1/contacts/vcard', 'hello', { 'content-type': 'text/vcard' })).body.error.fields[0]).toMatchObject({ field: 'body', code: 'invalid_vcard' })
    expect((await admin.post('/api/v1/contacts/vcard', { name: 'json' })).body.error.fields[0]).toMatchObject({ field: 'body', code: 'invalid_vcard' })
    expect((await rep.request('POST', '/api/v1/contacts/vcard', upload, { 'content-type': 'text/vcard' })).status).toBe(200)
  })

  it('exports activities as iCalendar: meetings and calls as events, tasks as to-dos', async () => {
    const long = '与苏州恒信精密机械的张伟讨论第二季度的采购计划、交付时间表以及售后服务条款，需要准备报价方案'
    const created = await admin.post('/api/v1/activities/bulk', {
      create: [
        { type: 'meeting', subject: long, due_at: '2026-03-31T01:30:00Z', description: 'Agenda: price; terms, delivery\nline 2' },
        { type: 'call', subject: '电话回访', due_at: '2026-04-01T06:00:00Z' },
        { type: 'task', subject: '发送报价单', due_at: '2026-04-02T09:00:00Z', done: false },
        { type: 'task', subject: '寄样品', done: true },
        { type: 'note', subject: '备注不进日历' },
      ],
    })
    expect(created.status, JSON.stringify(created.body)).toBe(200)
    const response = await download(server, adminKey, '/api/v1/activities/export?format=ics')
    expect(response.headers.get('content-type')).toContain('text/calendar')
    const text = response.bytes.toString('utf8')
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    const calendar = new ICAL.Component(ICAL.parse(text) as never)
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component))
    expect(events.map((event) => event.summary).sort()).toEqual([long, '电话回访'].sort())
    const meeting = events.find((event) => event.summary === long)!
    expect(meeting.startDate.toJSDate().toISOString()).toBe('2026-03-31T01:30:00.000Z')
    expect(meeting.endDate.toJSDate().toISOString()).toBe('2026-03-31T02:30:00.000Z')
    expect(meeting.description).toBe('Agenda: price; terms, delivery\nline 2')
    const todos = calendar.getAllSubcomponents('vtodo')
    const bySummary = Object.fromEntries(todos.map((todo) => [todo.getFirstPropertyValue('summary'), todo]))
    expect(Object.keys(bySummary).sort()).toEqual(['发送报价单', '寄样品'].sort())
    expect(bySummary['发送报价单'].getFirstPropertyValue('status')).toBe('NEEDS-ACTION')
    expect((bySummary['发送报价单'].getFirstPropertyValue('due') as ICAL.Time).toJSDate().toISOString()).toBe('2026-04-02T09:00:00.000Z')
    expect(bySummary['寄样品'].getFirstPropertyValue('status')).toBe('COMPLETED')
    const audit = await admin.get('/api/v1/audit?action=export&limit=1')
    expect(audit.body.data[0]).toMatchObject({ object: 'activities', details: { format: 'ics', rows: 4 } })
    // The same activities as a sheet: instants in China time, in the reader's language, and in the whole-record export too.
    const me = (await admin.get('/api/auth/me')).body.user
    const sheet = '/api/v1/activities/export?format=csv&fields=subject,due_at,owner_id&sort=due_at&filter[type][eq]=call'
    expect(csvRows((await download(server, adminKey, sheet, 'zh-CN')).bytes)[1]).toEqual(['电话回访', '2026年4月1日 14:00', me.name])
    expect(csvRows((await download(server, adminKey, sheet, 'en')).bytes)[1]).toEqual(['电话回访', 'Apr 1, 2026, 2:00 PM', me.name])
    const whole = csvRows((await download(server, adminKey, '/api/v1/activities/export?format=csv&filter[type][eq]=meeting', 'en')).bytes)
    expect(whole[1][whole[0].indexOf('Due')]).toBe('Mar 31, 2026, 9:30 AM')
  })
})
