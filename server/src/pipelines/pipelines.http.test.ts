import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { startTestServer, type ApiClient, type TestServer } from '../test-support/test-server.ts'
import { ensureDefaultPipelines } from './default-pipeline.ts'

const PASSWORD = 'a long enough password'
const HOUR = 3_600_000
const fieldsOf = (body: { error: { fields: Array<{ field: string; code: string }> } }) => body.error.fields.map((f) => [f.field, f.code])

describe.each(testEngines)('pipelines, stages and stage history on %s', (engine) => {
  let now = new Date('2026-04-01T02:00:00Z')
  const clock = () => now
  const advanceHours = (hours: number) => (now = new Date(now.getTime() + hours * HOUR))
  let server: TestServer
  let admin: ApiClient, rep: ApiClient, otherRep: ApiClient
  let workspaceId: string
  let defaultPipeline: string

  const create = async (client: ApiClient, body: Record<string, unknown>) => {
    const response = await client.post('/api/v1/opportunities', body)
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    return response.body
  }
  const patch = async (client: ApiClient, id: string, body: Record<string, unknown>) => {
    const response = await client.patch(`/api/v1/opportunities/${id}`, body)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    return response.body
  }

  beforeAll(async () => {
    server = await startTestServer(engine, { now: clock })
    ;({ admin, workspaceId } = await server.newWorkspace('流程测试'))
    const users = await admin.post('/api/v1/users/bulk', {
      create: [
        { name: '李雷', email: 'pipe-rep1@acme.cn', role: 'rep', password: PASSWORD },
        { name: '韩梅梅', email: 'pipe-rep2@acme.cn', role: 'rep', password: PASSWORD },
      ],
    })
    expect(users.status, JSON.stringify(users.body)).toBe(200)
    const withKey = async (client: ApiClient) => client.withApiKey((await client.post('/api/auth/api-keys', { name: 'test' })).body.key)
    admin = await withKey(admin)
    rep = await withKey(await server.signIn('pipe-rep1@acme.cn', PASSWORD))
    otherRep = await withKey(await server.signIn('pipe-rep2@acme.cn', PASSWORD))
  })
  afterAll(async () => server?.close())

  it('seeds every new workspace with the default pipeline, whose stages are the opportunity stage options', async () => {
    const pipelines = (await admin.get('/api/v1/pipelines')).body.data
    expect(pipelines.map((p: { name: string; is_default: boolean }) => [p.name, p.is_default])).toEqual([['标准销售流程', true]])
    defaultPipeline = pipelines[0].id
    const stages = (await admin.get(`/api/v1/pipeline_stages?filter[pipeline_id][eq]=${defaultPipeline}&sort=position`)).body.data
    expect(stages.map((s: Record<string, unknown>) => [s.value, s.name, s.probability, s.category])).toEqual([
      ['initial_contact', '初步接洽', 10, 'open'], ['needs_analysis', '需求分析', 25, 'open'], ['proposal', '方案报价', 50, 'open'],
      ['negotiation', '商务谈判', 75, 'open'], ['won', '赢单', 100, 'won'], ['lost', '输单', 0, 'lost'],
    ])
    const meta = (await rep.get('/api/metadata/objects/opportunities')).body
    const stage = meta.fields.find((f: { name: string }) => f.name === 'stage')
    expect(stage.options.map((o: { value: string; probability: number }) => [o.value, o.probability])).toEqual(stages.map((s: Record<string, unknown>) => [s.value, s.probability]))
    expect(stage.options[0].label).toEqual({ 'zh-CN': '初步接洽', en: 'Initial contact' })
  })

  it('lets only administrators set up pipelines; reps read them', async () => {
    expect((await rep.post('/api/v1/pipelines', { name: '续约流程' })).status).toBe(403)
    expect((await rep.patch(`/api/v1/pipelines/${defaultPipeline}`, { name: 'x' })).status).toBe(403)
    expect((await rep.get('/api/v1/pipelines')).body.data).toHaveLength(1)
  })

  it('puts new opportunities in the default pipeline with the stage probability and forecast category', async () => {
    const opportunity = await create(rep, { name: '默认流程商机', stage: 'proposal' })
    expect(opportunity).toMatchObject({ pipeline_id: defaultPipeline, probability: 50, forecast_category: 'pipeline', closed_at: null })
    const given = await create(rep, { name: '自定赢率', stage: 'proposal', probability: 35, forecast_category: 'commit' })
    expect(given).toMatchObject({ probability: 35, forecast_category: 'commit' })
    // A new stage brings its probability unless one is given; an open stage keeps a chosen forecast category.
    expect(await patch(rep, given.id, { stage: 'negotiation' })).toMatchObject({ probability: 75, forecast_category: 'commit' })
    expect(await patch(rep, given.id, { stage: 'needs_analysis', probability: 30 })).toMatchObject({ probability: 30 })
    const refused = await rep.patch(`/api/v1/opportunities/${given.id}`, { forecast_category: 'closed' })
    expect(refused.status).toBe(422)
    expect(fieldsOf(refused.body)).toEqual([['forecast_category', 'invalid_at_stage']])
  })

  it('creates a pipeline with its stages and refuses a stage outside an opportunity’s pipeline', async () => {
    const created = await admin.post('/api/v1/pipelines', {
      name: '续约流程',
      stages: [
        { value: 'renewal_review', name: '续约评估', name_en: 'Renewal review', probability: 60, category: 'open' },
        { value: 'won', name: '续约成功', name_en: 'Renewed', probability: 100, category: 'won' },
        { value: 'lost', name: '未续约', name_en: 'Churned', probability: 0, category: 'lost' },
      ],
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const renewal = created.body.id
    const stages = (await admin.get(`/api/v1/pipeline_stages?filter[pipeline_id][eq]=${renewal}&sort=position`)).body.data
    expect(stages.map((s: Record<string, unknown>) => [s.value, s.position])).toEqual([['renewal_review', 0], ['won', 1], ['lost', 2]])
    const options = (await rep.get('/api/metadata/objects/opportunities')).body.fields.find((f: { name: string }) => f.name === 'stage').options
    expect(options.map((o: { value: string }) => o.value)).toEqual(['initial_contact', 'needs_analysis', 'proposal', 'negotiation', 'won', 'lost', 'renewal_review'])

    const outside = await rep.post('/api/v1/opportunities', { name: '续约-错误阶段', pipeline_id: renewal, stage: 'proposal' })
    expect(outside.status).toBe(422)
    expect(fieldsOf(outside.body)).toEqual([['stage', 'stage_not_in_pipeline']])
    expect(outside.body.error.fields[0].message).toContain('续约流程')
    const inDefault = await rep.post('/api/v1/opportunities', { name: '默认-续约阶段', stage: 'renewal_review' })
    expect(fieldsOf(inDefault.body)).toEqual([['stage', 'stage_not_in_pipeline']])
    const renewed = await create(rep, { name: '年度续约', pipeline_id: renewal, stage: 'renewal_review' })
    expect(renewed.probability).toBe(60)
    // Moving to another pipeline needs a stage of that pipeline.
    const moved = await rep.patch(`/api/v1/opportunities/${renewed.id}`, { pipeline_id: defaultPipeline })
    expect(fieldsOf(moved.body)).toEqual([['stage', 'stage_not_in_pipeline']])
    expect(await patch(rep, renewed.id, { pipeline_id: defaultPipeline, stage: 'negotiation' })).toMatchObject({ pipeline_id: defaultPipeline, probability: 75 })

    const duplicate = await admin.post('/api/v1/pipeline_stages', { pipeline_id: renewal, value: 'won', name: '又一个', probability: 100, category: 'won' })
    expect(fieldsOf(duplicate.body)).toEqual([['value', 'taken']])
    const twice = await admin.post('/api/v1/pipelines', { name: '重复阶段', stages: [{ value: 'a', name: 'A', probability: 1, category: 'open' }, { value: 'a', name: 'B', probability: 2, category: 'open' }] })
    expect(fieldsOf(twice.body)).toEqual([['stages[1].value', 'taken']])
    expect((await admin.get('/api/v1/pipelines')).body.data).toHaveLength(2)
    const keyless = await admin.post('/api/v1/pipeline_stages', { pipeline_id: renewal, name: '谈判', name_en: 'Price talks', position: 1, probability: 80, category: 'open' })
    expect(keyless.body.value).toBe('price_talks')
    expect((await admin.patch(`/api/v1/pipeline_stages/${keyless.body.id}`, { value: 'other' })).status).toBe(400)
  })

  it('keeps stages and pipelines that opportunities use, and the default pipeline', async () => {
    const stages = (await admin.get(`/api/v1/pipeline_stages?filter[pipeline_id][eq]=${defaultPipeline}&filter[value][eq]=proposal`)).body.data
    const inUse = await admin.delete(`/api/v1/pipeline_stages/${stages[0].id}`)
    expect(inUse.status).toBe(409)
    expect(fieldsOf(inUse.body)).toEqual([['id', 'stage_in_use']])
    const removed = await admin.delete(`/api/v1/pipelines/${defaultPipeline}`)
    expect(fieldsOf(removed.body)).toEqual([['is_default', 'default_pipeline']])
    const spare = (await admin.post('/api/v1/pipelines', { name: '临时流程', stages: [{ value: 'only', name: '唯一', probability: 5, category: 'open' }] })).body.id
    expect((await admin.delete(`/api/v1/pipelines/${spare}`)).status).toBe(200)
    // A new default pipeline takes the flag from the old one.
    const other = (await admin.post('/api/v1/pipelines', { name: '新默认', is_default: true, stages: [{ value: 'start', name: '开始', probability: 5, category: 'open' }] })).body.id
    const flags = (await admin.get('/api/v1/pipelines')).body.data.map((p: { id: string; is_default: boolean }) => [p.id, p.is_default])
    expect(flags.filter(([, flag]: [string, boolean]) => flag)).toEqual([[other, true]])
    expect((await admin.patch(`/api/v1/pipelines/${defaultPipeline}`, { is_default: true })).status).toBe(200)
  })

  it('asks why when a deal is won or lost, closes it, and reopens it', async () => {
    const deal = await create(rep, { name: '赢单原因', stage: 'negotiation', amount: { amount: '1000.00', currency: 'CNY' } })
    const won = await rep.patch(`/api/v1/opportunities/${deal.id}`, { stage: 'won' })
    expect(won.status).toBe(422)
    expect(fieldsOf(won.body)).toEqual([['won_reason', 'required_at_stage']])
    expect(won.body.error.fields[0].message).toContain('Won')
    const closed = await patch(rep, deal.id, { stage: 'won', won_reason: 'product_fit' })
    expect(closed).toMatchObject({ probability: 100, forecast_category: 'closed', closed_at: now.toISOString(), expected_close_date: '2026-04-01' })
    const lost = await rep.patch(`/api/v1/opportunities/${deal.id}`, { stage: 'lost' })
    expect(fieldsOf(lost.body)).toEqual([['lost_reason', 'required_at_stage']])
    expect(await patch(rep, deal.id, { stage: 'lost', lost_reason: 'competitor' })).toMatchObject({ probability: 0, forecast_category: 'omitted' })
    expect(await patch(rep, deal.id, { stage: 'proposal' })).toMatchObject({ probability: 50, forecast_category: 'pipeline', closed_at: null })
    // Created already closed (history being imported): no reason needed.
    expect(await create(rep, { name: '历史赢单', stage: 'won' })).toMatchObject({ forecast_category: 'closed', probability: 100 })
  })

  it('records every stage change in the same transaction and tells the time in each stage', async () => {
    const start = now
    const deal = await create(rep, { name: '阶段历史', stage: 'initial_contact', amount: { amount: '5000.00', currency: 'CNY' } })
    advanceHours(30)
    await patch(rep, deal.id, { stage: 'proposal', amount: { amount: '8000.00', currency: 'CNY' } })
    advanceHours(5)
    await patch(rep, deal.id, { name: '阶段历史（改名）' })
    advanceHours(19)
    await patch(rep, deal.id, { stage: 'initial_contact' })
    advanceHours(2)
    await patch(rep, deal.id, { stage: 'proposal' })
    advanceHours(1)
    // A refused change leaves no history behind.
    expect((await rep.patch(`/api/v1/opportunities/${deal.id}`, { stage: 'won' })).status).toBe(422)
    const history = await rep.get(`/api/v1/opportunities/${deal.id}/stage-history`)
    expect(history.status).toBe(200)
    expect(history.body.data.map((v: Record<string, unknown>) => [v.from_stage, v.to_stage, v.seconds_in_stage, v.current])).toEqual([
      [null, 'initial_contact', 30 * 3600, false],
      ['initial_contact', 'proposal', 24 * 3600, false],
      ['proposal', 'initial_contact', 2 * 3600, false],
      ['initial_contact', 'proposal', 3600, true],
    ])
    expect(history.body.data[0]).toMatchObject({ changed_at: start.toISOString(), amount: { amount: '5000.00', currency: 'CNY' }, pipeline_id: defaultPipeline })
    expect(history.body.data[1].amount).toEqual({ amount: '8000.00', currency: 'CNY' })
    expect(history.body.time_in_stage).toEqual([
      { stage: 'initial_contact', seconds: 32 * 3600, visits: 2 },
      { stage: 'proposal', seconds: 25 * 3600, visits: 2 },
    ])
    // Only who may read the opportunity sees its history.
    expect((await otherRep.get(`/api/v1/opportunities/${deal.id}/stage-history`)).status).toBe(404)
    expect((await admin.get(`/api/v1/opportunities/${deal.id}/stage-history`)).status).toBe(200)
    expect((await admin.get('/api/v1/opportunities/not-an-id/stage-history')).status).toBe(404)
  })

  it('gives workspaces from before pipelines the default one at start, and their opportunities with it', async () => {
    const deal = await create(admin, { name: '老商机', stage: 'won' })
    const db = server.database.db
    await sql`delete from pipeline_stages where workspace_id = ${workspaceId}`.execute(db)
    await sql`delete from pipelines where workspace_id = ${workspaceId}`.execute(db)
    await sql`update opportunities set pipeline_id = null, forecast_category = null, closed_at = null where workspace_id = ${workspaceId}`.execute(db)
    await ensureDefaultPipelines(db)
    await ensureDefaultPipelines(db)
    const pipelines = (await admin.get('/api/v1/pipelines')).body.data
    expect(pipelines).toHaveLength(1)
    expect((await admin.get(`/api/v1/pipeline_stages?filter[pipeline_id][eq]=${pipelines[0].id}`)).body.data).toHaveLength(6)
    const after = (await admin.get(`/api/v1/opportunities/${deal.id}`)).body
    expect(after).toMatchObject({ pipeline_id: pipelines[0].id, forecast_category: 'closed' })
    expect(after.closed_at).not.toBeNull()
  })
})
