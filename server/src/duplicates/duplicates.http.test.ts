import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { useServerWithWorkspace } from '../test-support/test-server.ts'

const ids = (body: { data: { record: { id: string } }[] }) => body.data.map((match) => match.record.id)

describe.each(testEngines)('duplicate rules and review list on %s', (engine) => {
  const env = useServerWithWorkspace(engine)
  let wang: string
  let zhang: string
  let abc: string

  beforeAll(async () => {
    wang = (await env.admin.post('/api/v1/leads', { name: '王芳', company: '苏州恒信', email: 'Wang.Fang@Acme.cn', phone: '+86 138-0013-8000' })).body.id
    zhang = (await env.admin.post('/api/v1/leads', { name: '张伟', company: 'ＡＢＣ科技有限公司' })).body.id
    abc = (await env.admin.post('/api/v1/accounts', { name: 'ＡＢＣ科技有限公司', phone: '0512-66889900' })).body.id
    expect([wang, zhang, abc].every(Boolean)).toBe(true)
  })

  const check = (object: string, values: Record<string, unknown>, excludeId?: string) =>
    env.admin.post(`/api/v1/${object}/duplicates/check`, { values, excludeId })

  it('matches email whatever its case', async () => {
    const response = await check('leads', { name: '别人', email: 'wang.fang@ACME.CN' })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.data).toEqual([expect.objectContaining({ matches: ['email'] })])
    expect(ids(response.body)).toEqual([wang])
  })

  it('matches a phone written with or without +86, 0086, spaces or dashes', async () => {
    for (const phone of ['13800138000', '0086 138 0013 8000', '138-0013-8000', '+8613800138000']) {
      const response = await check('leads', { name: 'x', phone })
      expect(ids(response.body), phone).toEqual([wang])
      expect(response.body.data[0].matches).toEqual(['phone'])
    }
    expect(ids((await check('accounts', { name: 'x', phone: '0512 6688 9900' })).body)).toEqual([abc])
    expect((await check('leads', { name: 'x', phone: '13900139000' })).body.data).toEqual([])
  })

  it('matches name + company through pinyin and full-width forms', async () => {
    expect(ids((await check('leads', { name: 'Zhang Wei', company: 'ABC科技' })).body)).toEqual([zhang])
    expect(ids((await check('leads', { name: '张伟', company: 'abc 科技 有限公司' })).body)).toEqual([zhang])
    expect((await check('leads', { name: '张伟', company: '别的公司' })).body.data).toEqual([])
    expect(ids((await check('accounts', { name: 'ABC科技' })).body)).toEqual([abc])
  })

  it('leaves out the record being edited, and keeps keys in step with edits', async () => {
    expect((await check('leads', { name: '王芳', company: '苏州恒信', email: 'wang.fang@acme.cn' }, wang)).body.data).toEqual([])
    expect((await env.admin.patch(`/api/v1/leads/${wang}`, { phone: '13912345678' })).status).toBe(200)
    expect((await check('leads', { name: 'x', phone: '13800138000' })).body.data).toEqual([])
    expect(ids((await check('leads', { name: 'x', phone: '+86 139 1234 5678' })).body)).toEqual([wang])
  })

  it('warns without refusing: a duplicate is still created', async () => {
    const created = await env.admin.post('/api/v1/leads', { name: 'zhang wei', company: 'ABC科技', phone: '139-1234-5678' })
    expect(created.status).toBe(201)
    const response = await check('leads', { name: '张伟', company: 'ABC科技', phone: '13912345678' })
    expect(ids(response.body).sort()).toEqual([wang, zhang, created.body.id].sort())
  })

  it('lists the groups of duplicates across the workspace, paged', async () => {
    const first = await env.admin.get('/api/v1/leads/duplicates?limit=1')
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body.data).toHaveLength(1)
    expect(first.body.next_cursor).toEqual(expect.any(String))
    const second = await env.admin.get(`/api/v1/leads/duplicates?limit=5&cursor=${first.body.next_cursor}`)
    const groups = [...first.body.data, ...second.body.data]
    expect(second.body.next_cursor).toBeNull()
    expect(groups.map((group: { rule: string; count: number }) => [group.rule, group.count])).toEqual([['phone', 2], ['name', 2]])
    for (const group of groups) expect(group.records.map((record: { id: string }) => record.id)).toHaveLength(2)
  })

  it('fills keys of rows written without them (a bulk load) before listing groups', async () => {
    const { db } = env.server.database
    await sql`update leads set dup_name = null, dup_phone = null, dup_email = null where workspace_id = ${env.workspaceId}`.execute(db)
    const groups = await env.admin.get('/api/v1/leads/duplicates')
    expect(groups.body.data.map((group: { rule: string }) => group.rule)).toEqual(['phone', 'name'])
    expect(ids((await check('leads', { name: 'x', email: 'WANG.fang@acme.cn' })).body)).toEqual([wang])
  })

  it('checks through the key indexes, not a scan', async () => {
    const { db } = env.server.database
    // A workspace of some size, so the planner weighs the indexes as it would in production.
    await sql`
      insert into leads (workspace_id, id, name, dup_name, dup_phone, dup_email)
      select ${env.workspaceId}::uuid, gen_random_uuid(), 'lead ' || n, 'lead' || n, '+86139' || lpad(n::text, 8, '0'), 'l' || n || '@x.cn'
      from generate_series(1, 5000) as n`.execute(db)
    await sql`analyze leads`.execute(db)
    const plan = await sql<{ 'QUERY PLAN': string }>`
      explain select id from leads where workspace_id = ${env.workspaceId} and deleted_at is null
      and (dup_email = 'a@b.cn' or dup_phone = '+8613800138000' or dup_name = 'zhangwei|abckeji')`.execute(db)
    const text = plan.rows.map((row) => row['QUERY PLAN']).join('\n')
    expect(text).toContain('leads_dup_email_idx')
    expect(text).toContain('leads_dup_phone_idx')
    expect(text).toContain('leads_dup_name_idx')
  })

  it('refuses bad input naming the field, in the request language', async () => {
    const noValues = await env.admin.withLanguage('zh-CN').post('/api/v1/leads/duplicates/check', { excludeId: 3 })
    expect(noValues.status).toBe(400)
    expect(noValues.body.error.fields[0]).toMatchObject({ field: 'values', code: 'expected_object' })
    const noRules = await env.admin.post('/api/v1/products/duplicates/check', { values: {} })
    expect(noRules.body.error.fields[0]).toMatchObject({ field: 'object', code: 'no_duplicate_rules' })
    expect((await env.admin.get('/api/v1/leads/duplicates?cursor=nonsense')).body.error.fields[0]).toMatchObject({ field: 'cursor' })
    expect((await env.admin.get('/api/v1/leads/duplicates?limit=0')).status).toBe(400)
  })
})
