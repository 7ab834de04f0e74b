import type { FastifyInstance } from 'fastify'
import { recordContextOf, type AppServices } from '../http/request-context.ts'
import { readForecastParams, readFunnelParams } from './analytics-params.ts'
import { salesForecast } from './forecast.ts'
import { salesFunnel } from './funnel.ts'

/** Sales analytics over the opportunities the caller may read: the funnel and the forecast against quota. */
export function registerSalesAnalyticsRoutes(app: FastifyInstance, services: AppServices) {
  app.get('/api/v1/sales/funnel', async (request) => {
    const ctx = await recordContextOf(services, request)
    return salesFunnel(ctx, readFunnelParams(request.query as Record<string, unknown>))
  })

  app.get('/api/v1/sales/forecast', async (request) => {
    const ctx = await recordContextOf(services, request)
    return salesForecast(ctx, readForecastParams(request.query as Record<string, unknown>, services.now()))
  })
}
