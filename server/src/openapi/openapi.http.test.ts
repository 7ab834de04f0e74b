import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { useServerWithWorkspace } from '../test-support/test-server.ts'

describe.each(testEngines)('OpenAPI document and docs on %s', (engine) => {
  const env = useServerWithWorkspace(engine)

  it('is a valid OpenAPI 3.1 document with every object, custom fields included', async () => {
    await env.admin.post('/api/metadata/objects/opportunities/fields', { name: 'competitor', type: 'text', label: { en: 'Competitor', 'zh-CN': '竞争对手' } })
    const response = await env.admin.withLanguage('zh-CN').get('/api/openapi.json')
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
    const anonymous = await env.server.anonymous().get('/api/openapi.json')
    expect(anonymous.body.components.schemas.Opportunity.properties.competitor).toBeUndefined()
  })

  it('serves the browsable reference and the health check without signing in', async () => {
    const docs = await fetch(`${env.server.baseUrl}/api/docs`)
    expect(docs.status).toBe(200)
    expect(await docs.text()).toContain('swagger-ui-bundle.js')
    expect((await fetch(`${env.server.baseUrl}/docs-assets/swagger-ui-bundle.js`)).status).toBe(200)
    expect((await env.server.anonymous().get('/api/health')).body).toEqual({ status: 'ok', engine })
  })
})
