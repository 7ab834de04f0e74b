import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type ApiClient, type TestServer } from '../test-support/test-server.ts'

/**
 * Two writers in each other's way on PostgreSQL: a request's transaction holds a deal and waits
 * for the rollup row another session holds, which then waits for the deal. PostgreSQL ends the
 * deadlock by failing the request's transaction: the caller gets a 409 to retry, nothing half-written.
 */
describe.runIf(process.env.TEST_DATABASE_URL)('a deadlock between writers on postgres', () => {
  let server: TestServer
  let admin: ApiClient
  let other: pg.Client

  beforeAll(async () => {
    server = await startTestServer('postgres')
    ;({ admin } = await server.newWorkspace('并发测试'))
    other = new pg.Client({ connectionString: (server.database as { url?: string }).url })
    await other.connect()
  })
  afterAll(async () => {
    await other?.end()
    await server?.close()
  })

  it('answers 409 BUSY in the caller language and leaves the record as it was', async () => {
    const created = await admin.post('/api/v1/opportunities', { name: '争用', stage: 'proposal', amount: { amount: '100.00', currency: 'CNY' } })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    await other.query('begin')
    await other.query(`update opportunities_funnel_rollup set count = count where stage = 'proposal'`)
    const patch = admin.withLanguage('zh-CN').patch(`/api/v1/opportunities/${created.body.id}`, { amount: { amount: '999.00', currency: 'CNY' } })
    // Once the request waits for the rollup row, this session asks for the deal the request holds.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const waitForDeal = other.query('select id from opportunities where id = $1 for update', [created.body.id])
    const response = await patch
    await waitForDeal
    await other.query('rollback')
    expect(response.status, JSON.stringify(response.body)).toBe(409)
    expect(response.body.error.code).toBe('BUSY')
    expect(response.body.error.message).toBe('他人正在同时修改相同的数据，本次未保存，请重试。')
    const after = await admin.get(`/api/v1/opportunities/${created.body.id}`)
    expect(after.body.amount).toEqual({ amount: '100.00', currency: 'CNY' })
    expect(after.body.version).toBe(created.body.version)
  })
})
