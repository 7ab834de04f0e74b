import { Validator } from '@seriousme/openapi-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { startTestServer, type ApiClient, type TestServer } from '../test-support/test-server.ts'

describe.each(testEngines)('OpenAPI document and docs on %s', (engine) => {
  let server: TestServer
  let admin: ApiClient
  beforeAll(async () => {
    server = await startTestServer(engine)
    ;({ admin } = await server.newWorkspace())
  })
  afterAll(async () => server?.close())

  it('is a valid OpenAPI 3.1 document with every object, custom fields included', async () => {
    await admin.post('/api/metadata/objects/opportunities/fields', { name: 'competitor', type: 'text', label: { en: 'Competitor', 'zh-CN': '竞争对手' } })
    const response = await admin.withLanguage('zh-CN').get('/api/openapi.json')
    expect(response.status).toBe(200)
    const validator = new Validator()
    const result = await validator.validate(response.body)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    for (const object of ['accounts', 'contacts', 'leads', 'opportunities', 'activities', 'products', 'users', 'teams']) {
      expect(response.body.paths[`/api/v1/${object}/{id}`], object).toBeDefined()
    }
    expect(response.body.components.schemas.Opportunity.properties.competitor.description).toBe('竞争对手')
    expect(response.body.components.schemas.OpportunityCreate.required).toEqual(['name', 'stage'])
    const anonymous = await server.anonymous().get('/api/openapi.json')
    expect(anonymous.body.components.schemas.Opportunity.properties.competitor).toBeUndefined()
  })

  it('serves the browsable reference and the health check without signing in', async () => {
    const docs = await fetch(`${server.baseUrl}/api/docs`)
    expect(docs.status).toBe(200)
    expect(await docs.text()).toContain('swagger-ui-bundle.js')
    expect((await fetch(`${server.baseUrl}/docs-assets/swagger-ui-bundle.js`)).status).toBe(200)
    expect((await server.anonymous().get('/api/health')).body).toEqual({ status: 'ok', engine })
  })
})
