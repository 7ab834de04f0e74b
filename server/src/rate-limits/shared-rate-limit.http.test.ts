import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { loadConfig } from '../config.ts'
import { openDatabase, type Database } from '../db/database.ts'
import { buildApp } from '../http/app.ts'
import { syncRecordTables } from '../metadata/table-schema.ts'
import { openTestDatabase } from '../test-support/test-database.ts'
import { ApiClient } from '../test-support/test-server.ts'
import { createWorkspace } from '../workspaces/create-workspace.ts'

const PASSWORD = 'correct horse battery'

// Two app processes behind a load balancer, each with its own connection pool: one limit between them.
describe.runIf(process.env.TEST_DATABASE_URL)('rate limits shared by two servers on one PostgreSQL database', () => {
  let now = new Date('2026-06-01T09:00:00Z')
  let shared: Database & { url?: string }
  let secondHandle: Database
  const apps: FastifyInstance[] = []
  let first: ApiClient, second: ApiClient
  let formToken: string

  async function serve(database: Database): Promise<ApiClient> {
    const app = await buildApp({ database, config: { ...loadConfig({}), port: 0 }, now: () => now })
    apps.push(app)
    await app.listen({ port: 0, host: '127.0.0.1' })
    return new ApiClient(`http://127.0.0.1:${(app.server.address() as { port: number }).port}`)
  }

  beforeAll(async () => {
    shared = await openTestDatabase('postgres')
    await syncRecordTables(shared.db)
    secondHandle = await openDatabase({ databaseUrl: shared.url, dataDir: '' })
    first = await serve(shared)
    second = await serve(secondHandle)
    await createWorkspace(shared.db, { name: 'Shared', admin: { name: 'Admin', email: 'shared@example.com', password: PASSWORD } })
    const admin = new ApiClient(first.baseUrl)
    expect((await admin.post('/api/auth/sign-in', { email: 'shared@example.com', password: PASSWORD })).status).toBe(200)
    formToken = (await admin.post('/api/v1/web_forms', { name: 'Contact us' })).body.token
  })
  afterAll(async () => {
    for (const app of apps) await app.close()
    await secondHandle?.close()
    await shared?.close()
  })

  it('counts failed sign-ins on either server against one limit', async () => {
    const attempt = (server: ApiClient, password: string) => server.post('/api/auth/sign-in', { email: 'shared@example.com', password })
    for (let i = 0; i < 10; i++) expect((await attempt(i % 2 ? first : second, `guess-${i}`)).status).toBe(401)
    expect((await attempt(first, PASSWORD)).status).toBe(429)
    expect((await attempt(second, PASSWORD)).status).toBe(429)
    now = new Date(now.getTime() + 15 * 60_000)
    expect((await attempt(second, PASSWORD)).status).toBe(200)
  })

  it('lets exactly 10 web-form submissions a minute through, however they are spread', async () => {
    now = new Date(now.getTime() + 60_000)
    const submit = (server: ApiClient, i: number) => server.post(`/api/public/forms/${formToken}`, { name: `Visitor ${i}` })
    const statuses = await Promise.all(Array.from({ length: 30 }, (_, i) => submit(i % 2 ? first : second, i))).then((answers) => answers.map((answer) => answer.status))
    expect(statuses.filter((status) => status === 201)).toHaveLength(10)
    expect(statuses.filter((status) => status === 429)).toHaveLength(20)
    const refused = await submit(first, 31)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('60')
  })
})
