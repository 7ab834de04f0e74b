import { parse as parseCsv } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_ROLES } from '../access/roles.ts'
import { loadCatalog } from '../metadata/object-catalog.ts'
import type { RecordContext } from '../records/record-context.ts'
import { testEngines } from '../test-support/test-database.ts'
import { startTestServer, type ApiClient, type TestServer } from '../test-support/test-server.ts'
import { startExport } from './export-records.ts'

const ROWS = 5000
const NOTE = '长备注'.repeat(100)

describe.each(testEngines)('streamed export on %s', (engine) => {
  let server: TestServer
  let admin: ApiClient
  let ctx: RecordContext

  beforeAll(async () => {
    server = await startTestServer(engine)
    const workspace = await server.newWorkspace()
    admin = workspace.admin
    for (let start = 0; start < ROWS; start += 1000) {
      const create = Array.from({ length: 1000 }, (_, index) => ({ name: `联系人 ${String(start + index).padStart(5, '0')}`, description: NOTE }))
      expect((await admin.post('/api/v1/contacts/bulk', { create })).status).toBe(200)
    }
    const permissions = DEFAULT_ROLES.find((role) => role.key === 'admin')!.permissions
    ctx = {
      db: server.database.db,
      actor: { workspaceId: workspace.workspaceId, userId: workspace.adminId, role: 'admin', teamId: null, permissions, locale: 'en' },
      catalog: await loadCatalog(server.database.db, workspace.workspaceId),
    }
  }, 120_000)
  afterAll(async () => server?.close())

  it('writes chunk by chunk and waits for a slow reader instead of building the file in memory', async () => {
    const contacts = ctx.catalog.get('contacts')
    const started = await startExport(ctx, contacts, { format: 'csv', fields: ['name', 'description'], sort: 'name', chunkSize: 250 })
    let finished = false
    void started.done.then(() => (finished = true))
    await new Promise((resolve) => setTimeout(resolve, 400))
    // Nobody reads yet: the export stops once the stream's buffers are full (2 × 256 KB, plus the chunk in
    // flight), far short of the whole 4.5 MB file.
    const buffered = started.stream.readableLength + started.stream.writableLength
    expect(finished).toBe(false)
    expect(buffered).toBeGreaterThan(0)
    expect(buffered).toBeLessThan(1200 * 1024)
    const chunks: Buffer[] = []
    for await (const chunk of started.stream) chunks.push(chunk as Buffer)
    expect(await started.done).toEqual({ rows: ROWS, status: 'completed' })
    const bytes = Buffer.concat(chunks)
    expect(bytes.length).toBeGreaterThan(4 * 1024 * 1024)
    const rows = parseCsv(bytes.toString('utf8'), { bom: true }) as string[][]
    expect(rows).toHaveLength(ROWS + 1)
    expect(rows[1]).toEqual(['联系人 00000', NOTE])
    expect(rows.at(-1)![0]).toBe(`联系人 ${String(ROWS - 1).padStart(5, '0')}`)
  }, 60_000)

  it('names the linked owner on every row of every chunk, asking for each name once', async () => {
    const started = await startExport(ctx, ctx.catalog.get('contacts'), { format: 'csv', fields: ['name', 'owner_id'], sort: 'name', chunkSize: 250 })
    const chunks: Buffer[] = []
    for await (const chunk of started.stream) chunks.push(chunk as Buffer)
    const rows = parseCsv(Buffer.concat(chunks).toString('utf8'), { bom: true }) as string[][]
    expect(rows).toHaveLength(ROWS + 1)
    expect(new Set(rows.slice(1).map((row) => row[1]))).toEqual(new Set(['Admin']))
  }, 60_000)

  it('downloads all rows over HTTP with no cap, and records the row count', async () => {
    const response = await admin.get('/api/v1/contacts/export?fields=name')
    expect(response.status).toBe(200)
    expect((parseCsv(response.body as string, { bom: true }) as string[][]).length).toBe(ROWS + 1)
    const audit = await admin.get('/api/v1/audit?action=export&limit=1')
    expect(audit.body.data[0].details).toMatchObject({ rows: ROWS, status: 'completed' })
  }, 60_000)
})
