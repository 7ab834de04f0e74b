import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { startTestServer, type ApiClient, type TestServer } from '../test-support/test-server.ts'

const PASSWORD = 'a long enough password'
const view = (name: string, shared: boolean) => ({ name, object: 'contacts', kind: 'table', filter: '{"city":{"eq":"上海"}}', sort: '-created_at', columns: '["name","email"]', shared })

// Saved views are the object with a shared flag: a shared record is readable by all, writable by its owner only.
describe.each(testEngines)('shared records (saved views) on %s', (engine) => {
  let server: TestServer
  let admin: ApiClient
  let rep1: ApiClient
  let rep2: ApiClient
  let manager: ApiClient
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    server = await startTestServer(engine)
    ;({ admin } = await server.newWorkspace('Views Co'))
    const team = (await admin.post('/api/v1/teams', { name: '华东销售部' })).body
    const users = await admin.post('/api/v1/users/bulk', {
      create: [
        { name: '李雷', email: 'rep1@views.cn', role: 'rep', team_id: team.id, password: PASSWORD },
        { name: '韩梅梅', email: 'rep2@views.cn', role: 'rep', team_id: team.id, password: PASSWORD },
        { name: '王经理', email: 'manager@views.cn', role: 'manager', team_id: team.id, password: PASSWORD },
      ],
    })
    expect(users.status, JSON.stringify(users.body)).toBe(200)
    rep1 = await server.signIn('rep1@views.cn', PASSWORD)
    rep2 = await server.signIn('rep2@views.cn', PASSWORD)
    manager = await server.signIn('manager@views.cn', PASSWORD)
    for (const [key, client, shared] of [['rep1Personal', rep1, false], ['rep1Shared', rep1, true], ['rep2Personal', rep2, false]] as const) {
      const created = await client.post('/api/v1/views', view(key, shared))
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      ids[key] = created.body.id
    }
  })
  afterAll(async () => server?.close())

  it('a rep sees their own views and shared ones, not another rep\'s personal view', async () => {
    const list = await rep2.get('/api/v1/views?filter[object][eq]=contacts&limit=50')
    expect(list.status).toBe(200)
    expect(list.body.data.map((row: { name: string }) => row.name).sort()).toEqual(['rep1Shared', 'rep2Personal'])
    expect((await rep2.get(`/api/v1/views/${ids.rep1Shared}`)).status).toBe(200)
    expect((await rep2.get(`/api/v1/views/${ids.rep1Personal}`)).status).toBe(404)
    // A manager's team scope does not reach a rep's personal views either.
    const managerList = await manager.get('/api/v1/views?limit=50')
    expect(managerList.body.data.map((row: { name: string }) => row.name)).toEqual(['rep1Shared'])
    const adminList = await admin.get('/api/v1/views?limit=50')
    expect(adminList.body.data).toHaveLength(3)
  })

  it('nobody but the owner (or an administrator) changes or deletes a shared view', async () => {
    const path = `/api/v1/views/${ids.rep1Shared}`
    expect((await rep2.patch(path, { name: 'taken over' })).status).toBe(404)
    expect((await rep2.delete(path)).status).toBe(404)
    expect((await rep2.post('/api/v1/views/bulk', { update: [{ id: ids.rep1Shared, shared: false }] })).status).toBe(404)
    expect((await rep2.post('/api/v1/views/bulk', { delete: [ids.rep1Shared] })).status).toBe(404)
    expect((await manager.patch(path, { name: 'taken over' })).status).toBe(404)
    expect((await rep1.get(path)).body).toMatchObject({ name: 'rep1Shared', version: 1, shared: true })
    const own = await rep1.patch(path, { name: 'renamed by owner' }, { 'if-match': '"1"' })
    expect(own.status, JSON.stringify(own.body)).toBe(200)
    expect((await admin.patch(path, { name: 'renamed by admin' })).status).toBe(200)
    // Un-sharing takes it out of other readers' reach.
    expect((await rep1.patch(path, { shared: false })).status).toBe(200)
    expect((await rep2.get(path)).status).toBe(404)
  })
})
