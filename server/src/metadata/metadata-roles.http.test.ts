import { describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { useServerWithWorkspace } from '../test-support/test-server.ts'

describe.each(testEngines)('GET /api/metadata/roles on %s', (engine) => {
  const env = useServerWithWorkspace(engine)

  it('lists the workspace roles with their labels and per-object permissions, to every member', async () => {
    const response = await env.admin.get('/api/metadata/roles')
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.data.map((role: { key: string }) => role.key)).toEqual(['admin', 'manager', 'rep'])
    const rep = response.body.data.find((role: { key: string }) => role.key === 'rep')
    expect(rep.label).toEqual({ en: 'Sales rep', 'zh-CN': '销售代表' })
    expect(rep.permissions.products).toMatchObject({ read: true, create: false })
    expect(rep.permissions['*']).toMatchObject({ scope: 'own', export: false })

    const created = await env.admin.post('/api/v1/users', { name: 'Rep', email: 'rep-roles@example.com', password: 'rep password 123', role: 'rep', active: true })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const repClient = await env.server.signIn('rep-roles@example.com', 'rep password 123')
    const asRep = await repClient.get('/api/metadata/roles')
    expect(asRep.status).toBe(200)
    expect(asRep.body.data).toHaveLength(3)

    expect((await env.server.anonymous().get('/api/metadata/roles')).status).toBe(401)
  })
})
