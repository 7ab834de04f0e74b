import type { FastifyInstance } from 'fastify'
import { recordContextOf, type AppServices } from '../http/request-context.ts'
import { stageHistory } from './stage-history.ts'

/** Pipelines and stages are records (`/api/v1/pipelines`, `/api/v1/pipeline_stages`); this adds what records cannot say. */
export function registerPipelineRoutes(app: FastifyInstance, services: AppServices) {
  app.get('/api/v1/opportunities/:id/stage-history', async (request) => {
    const ctx = await recordContextOf(services, request)
    return stageHistory(ctx, (request.params as { id: string }).id)
  })
}
