import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../config.ts'
import { buildApp } from '../http/app.ts'
import { testEngines } from '../test-support/test-database.ts'
import { ApiClient, startTestServer, type TestServer } from '../test-support/test-server.ts'

describe.each(testEngines)('sign-up, sign-in and sessions on %s', (engine) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(engine)
  })
  afterAll(async () => server?.close())

  it('signs up a new workspace with its admin, who is signed in at once', async () => {
    const client = server.anonymous().withLanguage('zh-CN')
    const response = await client.post('/api/auth/sign-up', { workspace: '深圳华瑞', name: '刘洋', email: 'Liu.Yang@HuaRui.cn', password: 'secret-password' })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly/i)
    expect(response.headers.get('set-cookie')).toMatch(/SameSite=Lax/i)
    const me = await client.get('/api/auth/me')
    expect(me.body).toMatchObject({ role: 'admin', user: { name: '刘洋', email: 'liu.yang@huarui.cn', locale: 'zh-CN' }, workspace: { name: '深圳华瑞' } })
    expect(me.body.user.password_hash).toBeUndefined()
    expect(JSON.stringify(me.body)).not.toContain('scrypt')
    const again = await server.signIn('liu.yang@huarui.cn', 'secret-password')
    expect((await again.get('/api/auth/me')).status).toBe(200)
  })

  it('refuses wrong passwords in the caller language, then rate-limits', async () => {
    const client = server.anonymous().withLanguage('zh-CN')
    const wrong = await client.post('/api/auth/sign-in', { email: 'liu.yang@huarui.cn', password: 'nope-nope' })
    expect(wrong.status).toBe(401)
    expect(wrong.body.error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '邮箱或密码不正确。' })
    const missing = await client.post('/api/auth/sign-in', { email: 'x@y.cn' })
    expect(missing.status).toBe(400)
    expect(missing.body.error.fields[0]).toMatchObject({ field: 'password', code: 'required' })
    for (let attempt = 0; attempt < 10; attempt++) await client.post('/api/auth/sign-in', { email: 'victim@huarui.cn', password: 'guess-' + attempt })
    const limited = await client.post('/api/auth/sign-in', { email: 'victim@huarui.cn', password: 'another' })
    expect(limited.status).toBe(429)
    expect(limited.body.error.code).toBe('RATE_LIMITED')
    // The window is 15 minutes and every attempt was just now: the client is told to wait about that long.
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(14 * 60)
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60)
  })

  it('a weak password or a taken email is refused when creating a user', async () => {
    const { admin } = await server.newWorkspace()
    const weak = await admin.post('/api/v1/users', { name: 'A', email: 'a@x.cn', role: 'rep', password: 'short' })
    expect(weak.body.error.fields[0]).toMatchObject({ field: 'password', code: 'weak_password' })
    expect((await admin.post('/api/v1/users', { name: 'A', email: 'a@x.cn', role: 'rep', password: 'long enough 1' })).status).toBe(201)
    const taken = await admin.post('/api/v1/users', { name: 'B', email: 'A@x.cn', role: 'rep' })
    expect(taken.body.error.fields[0]).toMatchObject({ field: 'email', code: 'taken' })
  })

  it('sign-up can be disabled', async () => {
    const app = await buildApp({ database: server.database, config: { ...loadConfig({}), signUpEnabled: false }, now: () => new Date() })
    await app.listen({ port: 0, host: '127.0.0.1' })
    try {
      const address = app.server.address() as { port: number }
      const client = new ApiClient(`http://127.0.0.1:${address.port}`)
      const response = await client.post('/api/auth/sign-up', { workspace: 'W', name: 'N', email: 'n@w.cn', password: 'secret-password' })
      expect(response.status).toBe(403)
      expect(response.body.error.code).toBe('SIGN_UP_DISABLED')
    } finally {
      await app.close()
    }
  })
})
