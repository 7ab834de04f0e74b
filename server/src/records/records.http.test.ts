import { describe, expect, it } from 'vitest'
import { useServerWithWorkspace } from '../test-support/test-server.ts'
import { testEngines } from '../test-support/test-database.ts'

describe.each(testEngines)('records API on %s', (engine) => {
  const env = useServerWithWorkspace(engine)

  it('creates, reads, lists, updates and deletes an account', async () => {
    const created = await env.admin.post('/api/v1/accounts', { name: '上海星辰科技有限公司', industry: 'internet', annual_revenue: { amount: '1200000.5', currency: 'CNY' }, phone: '+86 138-1234-5678' })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body).toMatchObject({ name: '上海星辰科技有限公司', industry: 'internet', annual_revenue: { amount: '1200000.50', currency: 'CNY' }, version: 1 })
    const id = created.body.id
    const fetched = await env.admin.get(`/api/v1/accounts/${id}`)
    expect(fetched.status).toBe(200)
    expect(fetched.headers.get('etag')).toBe('"1"')

    const stale = await env.admin.patch(`/api/v1/accounts/${id}`, { tier: 'a' }, { 'if-match': '"0"' })
    expect(stale.status).toBe(412)
    const updated = await env.admin.patch(`/api/v1/accounts/${id}`, { tier: 'a' }, { 'if-match': '"1"' })
    expect(updated.status).toBe(200)
    expect(updated.body).toMatchObject({ tier: 'a', version: 2 })

    const list = await env.admin.get(`/api/v1/accounts?filter[tier][eq]=a&sort=-annual_revenue&limit=10`)
    expect(list.status, JSON.stringify(list.body)).toBe(200)
    expect(list.body.data.map((r: { id: string }) => r.id)).toContain(id)

    const timeline = await env.admin.get(`/api/v1/accounts/${id}/timeline`)
    expect(timeline.status).toBe(200)
    const change = timeline.body.data.find((entry: { type?: string }) => entry.type === 'updated')
    expect(change.changes.tier).toEqual({ before: null, after: 'a' })
    expect(change.actor.name).toBe('Admin')

    const removed = await env.admin.delete(`/api/v1/accounts/${id}`)
    expect(removed.status).toBe(200)
    expect((await env.admin.get(`/api/v1/accounts/${id}`)).status).toBe(404)
    const restored = await env.admin.post(`/api/v1/accounts/${id}/restore`)
    expect(restored.status).toBe(200)
    expect((await env.admin.get(`/api/v1/accounts/${id}`)).status).toBe(200)
  })

  it('refuses bad input with a 4xx naming the field, in the caller language, and writes nothing', async () => {
    const zh = env.admin.withLanguage('zh-CN')
    const response = await zh.post('/api/v1/contacts', { name: '', email: 'not-an-email', phone: '12345678901', nonsense: 1 })
    expect(response.status).toBe(400)
    const fields = Object.fromEntries(response.body.error.fields.map((f: { field: string; code: string }) => [f.field, f.code]))
    expect(fields).toEqual({ name: 'required', email: 'invalid_email', phone: 'invalid_mobile', nonsense: 'unknown_field' })
    expect(response.body.error.fields.find((f: { field: string }) => f.field === 'email').message).toBe('邮箱格式不正确。')
    const list = await env.admin.get('/api/v1/contacts?filter[email][eq]=not-an-email')
    expect(list.body.data).toHaveLength(0)
  })

  it('paginates by keyset with nulls and honours Idempotency-Key', async () => {
    const names = Array.from({ length: 7 }, (_, i) => ({ name: `Keyset ${i}`, employees: i % 3 === 0 ? null : i }))
    const bulk = await env.admin.post('/api/v1/accounts/bulk', { create: names })
    expect(bulk.status, JSON.stringify(bulk.body)).toBe(200)
    for (const sort of ['employees', '-employees']) {
      const seen: string[] = []
      let cursor: string | null = null
      do {
        const page: { body: { data: { name: string }[]; next_cursor: string | null } } = await env.admin.get(`/api/v1/accounts?filter[name][starts_with]=Keyset&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        seen.push(...page.body.data.map((r) => r.name))
        cursor = page.body.next_cursor
      } while (cursor)
      expect(new Set(seen).size).toBe(7)
      expect(seen).toHaveLength(7)
    }
    const first = await env.admin.post('/api/v1/leads', { name: '王芳', company: '杭州云帆' }, { 'idempotency-key': 'lead-1' })
    const again = await env.admin.post('/api/v1/leads', { name: '王芳', company: '杭州云帆' }, { 'idempotency-key': 'lead-1' })
    expect(again.status).toBe(201)
    expect(again.body.id).toBe(first.body.id)
    const other = await env.admin.post('/api/v1/leads', { name: '别人' }, { 'idempotency-key': 'lead-1' })
    expect(other.status).toBe(422)
  })

  it('finds records by Chinese, pinyin and initials', async () => {
    await env.admin.post('/api/v1/contacts', { name: '张伟', email: 'zhang.wei@example.cn', phone: '13912345678' })
    for (const q of ['张伟', '张', 'zhangwei', 'zw', '5678', 'zhang.wei@']) {
      const response = await env.admin.get(`/api/v1/search?q=${encodeURIComponent(q)}`)
      expect(response.status).toBe(200)
      const contacts = response.body.data.find((group: { object: string }) => group.object === 'contacts')
      expect(contacts?.records.map((r: { title: string }) => r.title), q).toContain('张伟')
    }
  })
  it('bulk deletes to the recycle bin, all or nothing with the creates and updates, up to 1,000', async () => {
    const made = await env.admin.post('/api/v1/accounts/bulk', { create: [{ name: 'Bulk A' }, { name: 'Bulk B' }, { name: 'Bulk C' }] })
    const [a, b, c] = made.body.created as { id: string; version: number }[]
    const missing = '01890000-0000-7000-8000-000000000000'
    const refused = await env.admin.post('/api/v1/accounts/bulk', { create: [{ name: 'Bulk D' }], update: [{ id: c.id, name: 'Bulk C2' }], delete: [a.id, missing] })
    expect(refused.status).toBe(404)
    const untouched = await env.admin.get('/api/v1/accounts?filter[name][starts_with]=Bulk&sort=name')
    expect(untouched.body.data.map((row: { name: string }) => row.name)).toEqual(['Bulk A', 'Bulk B', 'Bulk C'])
    expect((await env.admin.post('/api/v1/accounts/bulk', { delete: [42] })).body.error.fields[0]).toMatchObject({ field: 'delete[0]', code: 'invalid_id' })
    const tooMany = await env.admin.post('/api/v1/accounts/bulk', { delete: Array.from({ length: 1001 }, () => a.id) })
    expect(tooMany.body.error.fields[0]).toMatchObject({ field: 'delete', code: 'too_many_items' })

    const done = await env.admin.post('/api/v1/accounts/bulk', { update: [{ id: c.id, version: c.version, name: 'Bulk C2' }], delete: [a.id, b.id, a.id] })
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    expect(done.body.deleted.sort()).toEqual([a.id, b.id].sort())
    const left = await env.admin.get('/api/v1/accounts?filter[name][starts_with]=Bulk')
    expect(left.body.data.map((row: { name: string }) => row.name)).toEqual(['Bulk C2'])
    const bin = await env.admin.get('/api/v1/accounts?deleted=true&filter[name][starts_with]=Bulk')
    expect(bin.body.data).toHaveLength(2)
    expect((await env.admin.post(`/api/v1/accounts/${a.id}/restore`)).status).toBe(200)
  })
})
