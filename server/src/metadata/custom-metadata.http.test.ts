import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { useServerWithWorkspace } from '../test-support/test-server.ts'

describe.each(testEngines)('custom fields and objects on %s', (engine) => {
  const env = useServerWithWorkspace(engine)

  it('adds a custom field that is at once validated, filterable, sortable, searchable and in the OpenAPI document', async () => {
    const created = await env.admin.post('/api/metadata/objects/contacts/fields', {
      name: 'wechat_level', type: 'single_select', label: { en: 'WeChat level', 'zh-CN': '微信活跃度' },
      options: [{ value: 'high', label: { en: 'High', 'zh-CN': '高' } }, { value: 'low', label: { en: 'Low', 'zh-CN': '低' } }],
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const score = await env.admin.post('/api/metadata/objects/contacts/fields', { name: 'score', type: 'number', label: '评分', scale: 1 })
    expect(score.status).toBe(201)
    const nickname = await env.admin.post('/api/metadata/objects/contacts/fields', { name: 'nickname', type: 'text', label: '昵称' })
    expect(nickname.status).toBe(201)

    const bad = await env.admin.post('/api/v1/contacts', { name: '周杰', wechat_level: 'medium', score: 'abc' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['score', 'wechat_level'])

    for (const [name, level, points, nick] of [['周杰', 'high', 9.5, '杰哥'], ['吴敏', 'low', 3, null], ['郑强', 'high', 7, null]] as const) {
      const response = await env.admin.post('/api/v1/contacts', { name, wechat_level: level, score: points, nickname: nick })
      expect(response.status, JSON.stringify(response.body)).toBe(201)
      expect(response.body).toMatchObject({ wechat_level: level, score: points })
    }
    const filtered = await env.admin.get('/api/v1/contacts?filter[wechat_level][eq]=high&sort=-score')
    expect(filtered.status, JSON.stringify(filtered.body)).toBe(200)
    expect(filtered.body.data.map((r: { name: string }) => r.name)).toEqual(['周杰', '郑强'])
    const ranged = await env.admin.get('/api/v1/contacts?filter[score][between]=5,10&sort=score')
    expect(ranged.body.data.map((r: { name: string }) => r.name)).toEqual(['郑强', '周杰'])
    const search = await env.admin.get(`/api/v1/search?q=${encodeURIComponent('杰哥')}`)
    expect(search.body.data[0].records[0].title).toBe('周杰')

    const openapi = await env.admin.get('/api/openapi.json')
    expect(openapi.body.components.schemas.Contact.properties.wechat_level).toBeDefined()
    expect(openapi.body.components.schemas.ContactCreate.properties.score).toBeDefined()

    // The filter and the sort are served by the field's own index, like a standard field.
    const plan = await sql.raw(`explain select id from contacts where workspace_id = '${env.workspaceId}' and deleted_at is null and ((custom ->> 'score')::numeric) > 5 order by ((custom ->> 'score')::numeric), id limit 50`).execute(env.server.database.db)
    const text = plan.rows.map((row) => Object.values(row as object)[0]).join('\n')
    await sql`set enable_seqscan = off`.execute(env.server.database.db)
    const forced = await sql.raw(`explain select id from contacts where workspace_id = '${env.workspaceId}' and deleted_at is null and ((custom ->> 'score')::numeric) > 5 order by ((custom ->> 'score')::numeric), id limit 50`).execute(env.server.database.db)
    await sql`reset enable_seqscan`.execute(env.server.database.db)
    const forcedText = forced.rows.map((row) => Object.values(row as object)[0]).join('\n')
    expect(`${text}\n${forcedText}`).toMatch(/Index (Only )?Scan using cx_/)
  })

  it('creates a custom object with its own fields, usable through the same API', async () => {
    const created = await env.admin.post('/api/metadata/objects', {
      name: 'projects', singular: 'project', label: { en: 'Project', 'zh-CN': '项目' }, pluralLabel: { en: 'Projects', 'zh-CN': '项目' },
      fields: [
        { name: 'budget', type: 'currency', label: { en: 'Budget', 'zh-CN': '预算' } },
        { name: 'account_id', type: 'relation', target: 'accounts', label: '客户' },
        { name: 'start_date', type: 'date', label: '开始日期' },
      ],
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const account = (await env.admin.post('/api/v1/accounts', { name: '成都天府软件园' })).body
    const project = await env.admin.post('/api/v1/projects', { name: '数字化转型一期', budget: { amount: '880000', currency: 'CNY' }, account_id: account.id, start_date: '2026-12-01' })
    expect(project.status, JSON.stringify(project.body)).toBe(201)
    expect((await env.admin.post('/api/v1/projects', { name: 'x', start_date: '2026-02-30' })).body.error.fields[0]).toMatchObject({ field: 'start_date', code: 'invalid_date' })
    expect((await env.admin.post('/api/v1/projects', { name: 'x', account_id: '00000000-0000-4000-8000-000000000000' })).body.error.fields[0]).toMatchObject({ field: 'account_id', code: 'not_found' })
    const list = await env.admin.get('/api/v1/projects?filter[start_date][relative]=next_30_days&sort=-budget')
    expect(list.status).toBe(200)
    const listByBudget = await env.admin.get('/api/v1/projects?filter[budget][gte]=500000')
    expect(listByBudget.body.data.map((r: { name: string }) => r.name)).toEqual(['数字化转型一期'])
    const search = await env.admin.get(`/api/v1/search?q=${encodeURIComponent('数字化')}`)
    expect(search.body.data.find((g: { object: string }) => g.object === 'projects').records[0].title).toBe('数字化转型一期')
    const updated = await env.admin.patch(`/api/v1/projects/${project.body.id}`, { budget: { amount: '900000.00', currency: 'CNY' } })
    expect(updated.body).toMatchObject({ version: 2, budget: { amount: '900000.00', currency: 'CNY' } })
    const timeline = await env.admin.get(`/api/v1/projects/${project.body.id}/timeline`)
    expect(timeline.body.data[0].changes.budget.after).toEqual({ amount: '900000.00', currency: 'CNY' })
    expect((await env.admin.get('/api/openapi.json')).body.paths['/api/v1/projects']).toBeDefined()
  })

  it('refuses bad declarations naming the key', async () => {
    const response = await env.admin.withLanguage('zh-CN').post('/api/metadata/objects/accounts/fields', { name: 'Bad Name', type: 'colour' })
    expect(response.status).toBe(400)
    expect(response.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['name', 'type'])
    expect((await env.admin.post('/api/metadata/objects/accounts/fields', { name: 'name', type: 'text' })).body.error.fields[0].code).toBe('taken')
    expect((await env.admin.post('/api/metadata/objects/accounts/fields', { name: 'version', type: 'text' })).body.error.fields[0].code).toBe('reserved_name')
    expect((await env.admin.post('/api/metadata/objects', { name: 'accounts' })).body.error.fields[0].code).toBe('taken')
  })
})
