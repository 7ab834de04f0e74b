import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { startTestServer, type ApiClient, type TestServer } from '../test-support/test-server.ts'

const PASSWORD = 'a long enough password'

describe.each(testEngines)('access control on %s', (engine) => {
  let server: TestServer
  let admin: ApiClient
  let rep1: ApiClient
  let rep2: ApiClient
  let manager: ApiClient
  let otherAdmin: ApiClient
  let accountOfRep1: { id: string; version: number }
  let accountOfRep3: { id: string }

  beforeAll(async () => {
    server = await startTestServer(engine)
    ;({ admin } = await server.newWorkspace('Acme 华东'))
    const east = (await admin.post('/api/v1/teams', { name: '华东销售部' })).body
    const north = (await admin.post('/api/v1/teams', { name: '华北销售部' })).body
    const users = await admin.post('/api/v1/users/bulk', {
      create: [
        { name: '李雷', email: 'rep1@acme.cn', role: 'rep', team_id: east.id, password: PASSWORD },
        { name: '韩梅梅', email: 'rep2@acme.cn', role: 'rep', team_id: east.id, password: PASSWORD },
        { name: '王经理', email: 'manager@acme.cn', role: 'manager', team_id: east.id, password: PASSWORD },
        { name: 'North Rep', email: 'rep3@acme.cn', role: 'rep', team_id: north.id, password: PASSWORD },
      ],
    })
    expect(users.status, JSON.stringify(users.body)).toBe(200)
    rep1 = await server.signIn('rep1@acme.cn', PASSWORD)
    rep2 = await server.signIn('rep2@acme.cn', PASSWORD)
    manager = await server.signIn('manager@acme.cn', PASSWORD)
    const rep3 = await server.signIn('rep3@acme.cn', PASSWORD)
    accountOfRep1 = (await rep1.post('/api/v1/accounts', { name: '苏州恒信精密机械', phone: '0512-66889900' })).body
    accountOfRep3 = (await rep3.post('/api/v1/accounts', { name: '北方重工集团' })).body
    await rep1.post('/api/v1/activities', { type: 'call', subject: '电话沟通需求', account_id: accountOfRep1.id })
    ;({ admin: otherAdmin } = await server.newWorkspace('Other workspace'))
  })
  afterAll(async () => server?.close())

  it('a rep cannot read, change, delete, find or see the timeline of another rep\'s record', async () => {
    const path = `/api/v1/accounts/${accountOfRep1.id}`
    expect((await rep1.get(path)).status).toBe(200)
    expect((await rep2.get(path)).status).toBe(404)
    expect((await rep2.patch(path, { name: 'taken over' })).status).toBe(404)
    expect((await rep2.delete(path)).status).toBe(404)
    expect((await rep2.post(`${path}/restore`)).status).toBe(404)
    expect((await rep2.get(`${path}/timeline`)).status).toBe(404)
    expect((await rep2.post('/api/v1/accounts/bulk', { update: [{ id: accountOfRep1.id, name: 'x' }] })).status).toBe(404)
    const list = await rep2.get(`/api/v1/accounts?filter[id][eq]=${accountOfRep1.id}`)
    expect(list.status).toBe(200)
    expect(list.body.data).toEqual([])
    const search = await rep2.get(`/api/v1/search?q=${encodeURIComponent('恒信')}`)
    expect(search.body.data).toEqual([])
    const bySearch = await rep2.get(`/api/v1/accounts?q=${encodeURIComponent('恒信')}`)
    expect(bySearch.body.data).toEqual([])
    const link = await rep2.post('/api/v1/contacts', { name: '冒名', account_id: accountOfRep1.id })
    expect(link.body.error.fields[0]).toMatchObject({ field: 'account_id', code: 'not_found' })
    // Nothing changed behind the refusals.
    expect((await rep1.get(path)).body).toMatchObject({ name: '苏州恒信精密机械', version: accountOfRep1.version })
  })

  it('a rep cannot manage users, but can read them; a manager sees the team and not other teams', async () => {
    expect((await rep1.post('/api/v1/users', { name: 'X', email: 'x@acme.cn', role: 'admin' })).status).toBe(403)
    expect((await rep1.get('/api/v1/users')).status).toBe(200)
    expect((await rep1.post('/api/metadata/objects/accounts/fields', { name: 'wechat_group', type: 'text' })).status).toBe(403)
    expect((await manager.get(`/api/v1/accounts/${accountOfRep1.id}`)).status).toBe(200)
    expect((await manager.get(`/api/v1/accounts/${accountOfRep3.id}`)).status).toBe(404)
    const search = await manager.get(`/api/v1/search?q=${encodeURIComponent('恒信')}`)
    expect(search.body.data[0].records[0].id).toBe(accountOfRep1.id)
    expect((await admin.get(`/api/v1/accounts/${accountOfRep3.id}`)).status).toBe(200)
  })

  it('nobody reaches another workspace by any endpoint, with a session or an API key', async () => {
    const path = `/api/v1/accounts/${accountOfRep1.id}`
    const key = (await otherAdmin.post('/api/auth/api-keys', { name: 'integration' })).body.key
    for (const client of [otherAdmin, otherAdmin.withApiKey(key)]) {
      expect((await client.get(path)).status).toBe(404)
      expect((await client.patch(path, { name: 'x' })).status).toBe(404)
      expect((await client.delete(path)).status).toBe(404)
      expect((await client.post(`${path}/restore`)).status).toBe(404)
      expect((await client.get(`${path}/timeline`)).status).toBe(404)
      expect((await client.get(`/api/v1/accounts?filter[id][eq]=${accountOfRep1.id}`)).body.data).toEqual([])
      expect((await client.get(`/api/v1/search?q=${encodeURIComponent('恒信')}`)).body.data).toEqual([])
      expect((await client.post('/api/v1/accounts/bulk', { update: [{ id: accountOfRep1.id, name: 'x' }] })).status).toBe(404)
      // Linking to a record of another workspace is refused as a missing record.
      const link = await client.post('/api/v1/contacts', { name: 'Spy', account_id: accountOfRep1.id })
      expect(link.status).toBe(400)
      expect(link.body.error.fields[0]).toMatchObject({ field: 'account_id', code: 'not_found' })
    }
    expect((await rep1.get(path)).body.name).toBe('苏州恒信精密机械')
  })

  it('needs a session or a valid API key; a revoked key stops working', async () => {
    const anonymous = server.anonymous()
    expect((await anonymous.get('/api/v1/accounts')).status).toBe(401)
    expect((await anonymous.get('/api/auth/me')).status).toBe(401)
    expect((await anonymous.withApiKey('rk_not-a-key').get('/api/v1/accounts')).status).toBe(401)
    const created = (await rep1.post('/api/auth/api-keys', { name: 'script' })).body
    const viaKey = rep1.withApiKey(created.key)
    expect((await viaKey.get(`/api/v1/accounts/${accountOfRep1.id}`)).status).toBe(200)
    expect((await rep1.delete(`/api/auth/api-keys/${created.id}`)).status).toBe(204)
    expect((await viaKey.get('/api/v1/accounts')).status).toBe(401)
    const signedOut = await server.signIn('rep2@acme.cn', PASSWORD)
    expect((await signedOut.post('/api/auth/sign-out')).status).toBe(204)
    expect((await signedOut.get('/api/auth/me')).status).toBe(401)
  })

  it('a role change applies to the user\'s very next request', async () => {
    const rep2Id = (await rep2.get('/api/auth/me')).body.user.id
    expect((await rep2.get(`/api/v1/accounts/${accountOfRep1.id}`)).status).toBe(404)
    expect((await admin.patch(`/api/v1/users/${rep2Id}`, { role: 'manager' })).status).toBe(200)
    expect((await rep2.get(`/api/v1/accounts/${accountOfRep1.id}`)).status).toBe(200)
    expect((await admin.patch(`/api/v1/users/${rep2Id}`, { active: false })).status).toBe(200)
    expect((await rep2.get('/api/auth/me')).status).toBe(401)
  })
})
