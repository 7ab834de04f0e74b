import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { sql } from 'kysely'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toJob } from '../events/job-queue.ts'
import { createJobRunner, type JobRunner } from '../events/job-runner.ts'
import { testEngines } from '../test-support/test-database.ts'
import { useServerWithWorkspace, type ApiClient } from '../test-support/test-server.ts'
import { removeImportFiles } from './import-file-cleanup.ts'
import { IMPORT_BATCH_ROWS, importJobHandlers, runImportBatch } from './import-job.ts'

async function upload(client: ApiClient, id: string, body: Buffer | string) {
  const cookie = (client as unknown as { cookie: string }).cookie
  const response = await fetch(`${client.baseUrl}/api/v1/imports/${id}/file`, {
    method: 'PUT', headers: { cookie, 'content-type': 'application/octet-stream', 'accept-language': 'zh-CN' }, body: typeof body === 'string' ? body : new Uint8Array(body),
  })
  return { status: response.status, body: await response.json() }
}

async function newImport(client: ApiClient, object: string, fileName: string, content: Buffer | string) {
  const created = await client.post('/api/v1/imports', { object, file_name: fileName })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const uploaded = await upload(client, created.body.id, content)
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(200)
  return uploaded.body
}

// Uploaded files of this test file go to a folder of its own, removed afterwards.
const uploads = mkdtempSync(path.join(os.tmpdir(), 'rapport-import-test-'))
process.env.RAPPORT_IMPORT_DIR = uploads
afterAll(() => rmSync(uploads, { recursive: true, force: true }))

const bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])

describe.each(testEngines)('imports on %s', (engine) => {
  const env = useServerWithWorkspace(engine)
  let runner: JobRunner
  let accountId: string

  async function drain(id: string) {
    for (let round = 0; round < 100; round++) {
      await runner.runOnce()
      const current = await env.admin.get(`/api/v1/imports/${id}`)
      if (!['queued', 'running', 'reverting'].includes(current.body.status)) return current.body
    }
    throw new Error('import did not finish')
  }

  async function runImport(id: string, settings: Record<string, unknown>) {
    const patched = await env.admin.patch(`/api/v1/imports/${id}`, settings)
    expect(patched.status, JSON.stringify(patched.body)).toBe(200)
    const started = await env.admin.post(`/api/v1/imports/${id}/start`)
    expect(started.status, JSON.stringify(started.body)).toBe(200)
    return drain(id)
  }

  /** Merges the contact search index's pending list, answering how many pages were still pending. */
  async function pendingSearchPages() {
    const merged = await sql<{ pages: number }>`select gin_clean_pending_list('contacts_search_keys_idx'::regclass)::int as pages`.execute(env.server.database.db)
    return merged.rows[0].pages
  }

  beforeAll(async () => {
    runner = createJobRunner(env.server.database.db, { handlers: importJobHandlers, onError: () => {} })
    accountId = (await env.admin.post('/api/v1/accounts', { name: '华信科技' })).body.id
  })

  it('reads a GBK file as Chinese Excel saves it and maps Chinese headers', async () => {
    const file = iconv.encode('姓名,手机,邮箱,公司名称,职务\r\n张伟,13800138000,zhang@huaxin.cn,华信科技,经理\r\n', 'gbk')
    const created = await newImport(env.admin, 'contacts', '联系人.csv', file)
    expect(created).toMatchObject({ encoding: 'gb18030', file_format: 'csv', total_rows: 1, headers: ['姓名', '手机', '邮箱', '公司名称', '职务'] })
    expect(created.mapping).toEqual({ 姓名: 'name', 手机: 'phone', 邮箱: 'email', 公司名称: 'account_id', 职务: 'job_title' })
    const done = await runImport(created.id, {})
    expect(done).toMatchObject({ status: 'done', created: 1, rejected: 0, rows_done: 1 })
    const found = await env.admin.get('/api/v1/contacts?filter[email][eq]=zhang@huaxin.cn')
    expect(found.body.data[0]).toMatchObject({ name: '张伟', phone: '13800138000', account_id: accountId, job_title: '经理' })
  })

  it('reads UTF-8 with a BOM and maps English headers and synonyms', async () => {
    const created = await newImport(env.admin, 'contacts', 'people.csv', bom('Name,Mobile,E-mail,Company,Whatever\nLi Lei,139 0000 1111,li@x.cn,华信科技,1\n'))
    expect(created.encoding).toBe('utf-8')
    expect(created.headers[0]).toBe('Name')
    expect(created.mapping).toEqual({ Name: 'name', Mobile: 'phone', 'E-mail': 'email', Company: 'account_id', Whatever: null })
    const plain = await newImport(env.admin, 'accounts', 'companies.csv', '公司名称,网址\n某公司,example.com\n')
    expect(plain.mapping).toEqual({ 公司名称: 'name', 网址: 'website' })
  })

  it('reads the first sheet of an Excel workbook, dates and numbers as text', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('客户')
    sheet.addRow(['姓名', '手机', '生日'])
    sheet.addRow(['陈静', 13900001111, new Date(Date.UTC(1990, 4, 6))])
    const created = await newImport(env.admin, 'contacts', '客户.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()))
    expect(created).toMatchObject({ file_format: 'xlsx', total_rows: 1, mapping: { 姓名: 'name', 手机: 'phone', 生日: 'birthday' } })
    const done = await runImport(created.id, {})
    expect(done).toMatchObject({ created: 1, rejected: 0 })
    const found = await env.admin.get(`/api/v1/contacts?filter[name][eq]=${encodeURIComponent('陈静')}`)
    expect(found.body.data[0]).toMatchObject({ phone: '13900001111', birthday: '1990-05-06' })
  })

  it('reads cells as people write them: option labels, money with symbols, owners by email', async () => {
    const [adminUser] = (await env.admin.get('/api/v1/users')).body.data
    const created = await newImport(env.admin, 'accounts', 'a.csv', bom(`公司名称,行业,年营业额,负责人\n某制造厂,制造业,"¥1,234.50",${adminUser.email.toUpperCase()}\n`))
    expect(created.mapping).toEqual({ 公司名称: 'name', 行业: 'industry', 年营业额: 'annual_revenue', 负责人: 'owner_id' })
    const done = await runImport(created.id, {})
    expect(done, JSON.stringify(done)).toMatchObject({ created: 1, rejected: 0 })
    const found = await env.admin.get(`/api/v1/accounts?filter[name][eq]=${encodeURIComponent('某制造厂')}`)
    expect(found.body.data[0]).toMatchObject({ industry: 'manufacturing', annual_revenue: { amount: '1234.50', currency: 'CNY' }, owner_id: adminUser.id })
  })

  it('previews cells with their validation, dry-runs without writing, rejects bad rows into a report', async () => {
    const file = bom('姓名,邮箱,公司名称\n王芳,wang@x.cn,华信科技\n赵强,not-an-email,华信科技\n,nobody@x.cn,\n孙丽,sun@x.cn,不存在的公司\n')
    const created = await newImport(env.admin, 'contacts', 'mixed.csv', file)
    const preview = await env.admin.withLanguage('zh-CN').get(`/api/v1/imports/${created.id}/preview`)
    expect(preview.status).toBe(200)
    expect(preview.body.rows.map((row: { action: string }) => row.action)).toEqual(['create', 'reject', 'reject', 'reject'])
    expect(preview.body.rows[1].errors['邮箱']).toContain('邮箱')
    expect(preview.body.rows[2].errors['姓名']).toBeDefined()
    expect(preview.body.rows[3].errors['公司名称']).toContain('不存在的公司')
    const dry = await env.admin.post(`/api/v1/imports/${created.id}/dry-run`)
    expect(dry.body).toMatchObject({ total: 4, create: 1, update: 0, skip: 0, reject: 3 })
    expect((await env.admin.get('/api/v1/contacts?filter[email][eq]=wang@x.cn')).body.data).toEqual([])

    const done = await runImport(created.id, {})
    expect(done).toMatchObject({ status: 'done', created: 1, rejected: 3 })
    const report = await fetch(`${env.admin.baseUrl}/api/v1/imports/${created.id}/report`, {
      headers: { cookie: (env.admin as unknown as { cookie: string }).cookie, 'accept-language': 'zh-CN' },
    })
    expect(report.headers.get('content-type')).toContain('text/csv')
    const bytes = Buffer.from(await report.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n')
    expect(lines[0]).toBe('姓名,邮箱,公司名称,原因')
    expect(lines).toHaveLength(4)
    expect(lines[1]).toMatch(/^赵强,not-an-email,华信科技,邮箱: /)
    expect(lines[2]).toMatch(/^,nobody@x.cn,,/)
    expect(lines[3]).toContain('找不到名为“不存在的公司”的记录')
  })

  describe('duplicates on a key', () => {
    let existingId: string
    beforeAll(async () => {
      existingId = (await env.admin.post('/api/v1/contacts', { name: '老客户', email: 'old@x.cn', phone: '138 0013 9000', job_title: '工程师' })).body.id
    })
    const file = () => bom('姓名,手机,职务\n老客户新名,+86 138-0013-9000,总监\n新客户,13700000000,助理\n')

    it('skips a row whose normalised phone matches', async () => {
      const created = await newImport(env.admin, 'contacts', 'dup.csv', file())
      const done = await runImport(created.id, { match_key: 'phone', on_duplicate: 'skip' })
      expect(done).toMatchObject({ created: 1, skipped: 1, updated: 0 })
      expect((await env.admin.get(`/api/v1/contacts/${existingId}`)).body.job_title).toBe('工程师')
    })

    it('creates a second record when asked to', async () => {
      const created = await newImport(env.admin, 'contacts', 'dup.csv', bom('姓名,邮箱\n老客户二号,OLD@x.cn\n'))
      const done = await runImport(created.id, { match_key: 'email', on_duplicate: 'create' })
      expect(done).toMatchObject({ created: 1, skipped: 0, updated: 0 })
      expect((await env.admin.get('/api/v1/contacts?filter[email][eq]=old@x.cn')).body.data).toHaveLength(2)
    })

    it('updates the match, and revert restores it and removes what was created', async () => {
      const created = await newImport(env.admin, 'contacts', 'dup.csv', bom('姓名,手机,职务\n老客户,+86 138-0013-9000,总监\n再一个新客户,13700000001,助理\n'))
      const done = await runImport(created.id, { match_key: 'phone', on_duplicate: 'update' })
      expect(done).toMatchObject({ created: 1, updated: 1, skipped: 0 })
      expect((await env.admin.get(`/api/v1/contacts/${existingId}`)).body).toMatchObject({ job_title: '总监', phone: '+86 138-0013-9000' })
      const newId = (await env.admin.get(`/api/v1/contacts?filter[name][eq]=${encodeURIComponent('再一个新客户')}`)).body.data[0].id
      const records = await env.server.database.db.selectFrom('import_records').selectAll().where('import_id', '=', created.id).execute()
      expect(records.map((r) => r.action).sort()).toEqual(['created', 'updated'])

      const reverted = await env.admin.post(`/api/v1/imports/${created.id}/revert`)
      expect(reverted.status, JSON.stringify(reverted.body)).toBe(202)
      expect(reverted.body).toMatchObject({ status: 'reverting' })
      expect(await drain(created.id)).toMatchObject({ status: 'reverted', reverted: { deleted: 1, restored: 1 } })
      expect((await env.admin.get(`/api/v1/contacts/${existingId}`)).body).toMatchObject({ job_title: '工程师', phone: '138 0013 9000' })
      expect((await env.admin.get(`/api/v1/contacts/${newId}`)).status).toBe(404)
      expect((await env.admin.get(`/api/v1/contacts?deleted=true&filter[name][eq]=${encodeURIComponent('再一个新客户')}`)).body.data).toHaveLength(1)
      expect((await env.admin.post(`/api/v1/imports/${created.id}/revert`)).status).toBe(409)
    })
  })

  it('resumes after a batch that crashed without writing a row twice', async () => {
    const total = 2 * IMPORT_BATCH_ROWS + 203
    const rows = Array.from({ length: total }, (_, i) => `续传${i},resume${i}@x.cn`).join('\n')
    const created = await newImport(env.admin, 'contacts', 'big.csv', `姓名,邮箱\n${rows}\n`)
    await env.admin.post(`/api/v1/imports/${created.id}/start`)
    await runner.runOnce()
    expect((await env.admin.get(`/api/v1/imports/${created.id}`)).body).toMatchObject({ status: 'running', rows_done: IMPORT_BATCH_ROWS, created: IMPORT_BATCH_ROWS })
    // The next batch runs and dies before its commit.
    const db = env.server.database.db
    const pending = await db.selectFrom('jobs').selectAll().where('type', '=', 'import.batch').where('status', '=', 'pending').execute()
    expect(pending).toHaveLength(1)
    await expect(db.transaction().execute(async (trx) => {
      await runImportBatch(trx, toJob(pending[0]))
      throw new Error('killed')
    })).rejects.toThrow('killed')
    expect((await env.admin.get(`/api/v1/imports/${created.id}`)).body.rows_done).toBe(IMPORT_BATCH_ROWS)
    const done = await drain(created.id)
    expect(done).toMatchObject({ status: 'done', rows_done: total, created: total, rejected: 0 })
    const count = await sql<{ n: string; distinct_names: string }>`
      select count(*) as n, count(distinct name) as distinct_names from contacts where workspace_id = ${env.workspaceId} and name like '续传%'`.execute(db)
    expect(Number(count.rows[0].n)).toBe(total)
    expect(Number(count.rows[0].distinct_names)).toBe(total)
    // Batches let the search index's pending list grow; the import merged it when it ended, and the rows are found.
    expect(await pendingSearchPages()).toBe(0)
    expect((await env.admin.get(`/api/v1/contacts?q=resume${total - 1}@x`)).body.data.map((contact: { name: string }) => contact.name)).toEqual([`续传${total - 1}`])
  })

  it('keeps everyday sessions to a small search pending list, which the index itself no longer fixes', async () => {
    const db = env.server.database.db
    expect((await sql<{ limit: string }>`show gin_pending_list_limit`.execute(db)).rows[0]).toEqual({ gin_pending_list_limit: '256kB' })
    const options = await sql<{ reloptions: string[] | null }>`select reloptions from pg_class where relname = 'contacts_search_keys_idx'`.execute(db)
    expect(options.rows).toEqual([{ reloptions: null }])
  })

  it('cancels between batches, keeping what was committed, and can revert it', async () => {
    const rows = Array.from({ length: IMPORT_BATCH_ROWS + 200 }, (_, i) => `取消${i}`).join('\n')
    const created = await newImport(env.admin, 'contacts', 'cancel.csv', `姓名\n${rows}\n`)
    await env.admin.post(`/api/v1/imports/${created.id}/start`)
    await runner.runOnce()
    expect((await env.admin.post(`/api/v1/imports/${created.id}/cancel`)).body).toMatchObject({ status: 'cancelled', rows_done: IMPORT_BATCH_ROWS })
    expect(await pendingSearchPages()).toBe(0)
    await runner.runOnce()
    expect((await env.admin.get(`/api/v1/imports/${created.id}`)).body).toMatchObject({ status: 'cancelled', rows_done: IMPORT_BATCH_ROWS, created: IMPORT_BATCH_ROWS })
    expect((await env.admin.post(`/api/v1/imports/${created.id}/revert`)).status).toBe(202)
    const reverted = await drain(created.id)
    expect(reverted).toMatchObject({ status: 'reverted', reverted: { deleted: IMPORT_BATCH_ROWS, restored: 0 } })
    expect(await pendingSearchPages()).toBe(0)
    expect((await env.admin.get(`/api/v1/contacts/aggregate?filter[name][starts_with]=${encodeURIComponent('取消')}`)).body.count).toBe(0)
  })

  it('refuses bad settings naming the field, and lists the history', async () => {
    const created = await newImport(env.admin, 'contacts', 'x.csv', 'Name,Email\na,b@c.cn\n')
    const bad = await env.admin.patch(`/api/v1/imports/${created.id}`, { mapping: { Name: 'nope', Email: 'email' }, on_duplicate: 'merge' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['mapping.Name', 'on_duplicate'])
    const twice = await env.admin.patch(`/api/v1/imports/${created.id}`, { mapping: { Name: 'email', Email: 'email' } })
    expect(twice.body.error.fields).toEqual([expect.objectContaining({ field: 'mapping.Email', code: 'duplicate_mapping' })])
    expect((await env.admin.post('/api/v1/imports', { object: 'nothing', file_name: 'a.csv' })).status).toBe(404)
    expect((await env.admin.post('/api/v1/imports', { object: 'contacts' })).body.error.fields[0].field).toBe('file_name')
    const cancelled = await env.admin.post(`/api/v1/imports/${created.id}/cancel`)
    expect(cancelled.body.status).toBe('cancelled')
    expect((await env.admin.post(`/api/v1/imports/${created.id}/start`)).status).toBe(409)
    const history = await env.admin.get('/api/v1/imports?object=contacts')
    expect(history.body.data.length).toBeGreaterThanOrEqual(6)
    expect((await env.admin.get('/api/v1/imports/00000000-0000-0000-0000-000000000001')).status).toBe(404)
  })

  it('removes the uploaded files of finished imports and of imports left for a week, keeping the rest', async () => {
    const db = env.server.database.db
    const filePath = async (id: string) => (await db.selectFrom('imports').select('file_path').where('workspace_id', '=', env.workspaceId).where('id', '=', id).executeTakeFirstOrThrow()).file_path as string | null
    const finished = await newImport(env.admin, 'contacts', 'done.csv', '姓名\n清理测试\n')
    await runImport(finished.id, {})
    const waiting = await newImport(env.admin, 'contacts', 'waiting.csv', '姓名\n等待开始\n')
    const left = await newImport(env.admin, 'contacts', 'left.csv', '姓名\n放了一周\n')
    await db.updateTable('imports').set({ updated_at: new Date(Date.now() - 8 * 86_400_000) }).where('workspace_id', '=', env.workspaceId).where('id', '=', left.id).execute()
    const paths = { finished: await filePath(finished.id), waiting: await filePath(waiting.id), left: await filePath(left.id) }
    expect(Object.values(paths).every((file) => file !== null && existsSync(file))).toBe(true)
    await db.transaction().execute((trx) => removeImportFiles(trx, new Date()))
    expect(existsSync(paths.finished!)).toBe(false)
    expect(existsSync(paths.left!)).toBe(false)
    expect(existsSync(paths.waiting!)).toBe(true)
    expect(await filePath(finished.id)).toBeNull()
    expect(await filePath(waiting.id)).toBe(paths.waiting)
    // The report of a finished import does not need the file.
    expect((await env.admin.get(`/api/v1/imports/${finished.id}/report`)).status).toBe(200)
  })

  it('saves mapping templates per object', async () => {
    const saved = await env.admin.post('/api/v1/import-templates', { object: 'contacts', name: '展会名单', mapping: { 手机号: 'phone', 姓名: 'name' }, match_key: 'phone', on_duplicate: 'update' })
    expect(saved.status, JSON.stringify(saved.body)).toBe(201)
    const list = await env.admin.get('/api/v1/import-templates?object=contacts')
    expect(list.body.data).toEqual([expect.objectContaining({ name: '展会名单', mapping: { 手机号: 'phone', 姓名: 'name' }, match_key: 'phone' })])
    expect((await env.admin.delete(`/api/v1/import-templates/${saved.body.id}`)).status).toBe(204)
  })
})
