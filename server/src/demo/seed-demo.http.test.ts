import { describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { useServerWithWorkspace } from '../test-support/test-server.ts'
import { seedDemoData } from './seed-demo.ts'

describe.each(testEngines)('the demo workspace on %s', (engine) => {
  const env = useServerWithWorkspace(engine)

  it('seeds every module through the write pipeline, and the sales screens have something to show', async () => {
    const me = (await env.admin.get('/api/auth/me')).body
    const counts = await seedDemoData(env.server.database.db, env.workspaceId, me.user.id, { password: 'correct horse battery' })
    expect(counts).toMatchObject({ quotes: 3, contracts: 1, web_forms: 1, lead_assignment_rules: 2, payment_plans: 1, payments: 1 })
    for (const object of ['accounts', 'contacts', 'leads', 'opportunities', 'activities', 'products', 'price_books', 'quotes', 'contracts', 'payments']) {
      expect((await env.admin.get(`/api/v1/${object}/aggregate`)).body.count, object).toBeGreaterThan(0)
    }
    const [contract] = (await env.admin.get('/api/v1/contracts')).body.data
    const summary = (await env.admin.get(`/api/v1/contracts/${contract.id}/payment-summary`)).body
    expect(JSON.stringify(summary)).toContain('paid')
    const funnel = await env.admin.get('/api/v1/sales/funnel')
    expect(funnel.status, JSON.stringify(funnel.body)).toBe(200)
    // Deals are dated back over months: closed ones took weeks, not the seconds the seeding took.
    expect(funnel.body.average_cycle_days).toBeGreaterThanOrEqual(14)
    expect(funnel.body.win_rate).toBeGreaterThan(0)
    const forecast = await env.admin.get(`/api/v1/sales/forecast?period=quarter&year=${new Date().getUTCFullYear()}`)
    expect(forecast.status, JSON.stringify(forecast.body)).toBe(200)
  })
})
