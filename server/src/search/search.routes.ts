import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors/app-error.ts'
import { recordContextOf, type AppServices } from '../http/request-context.ts'
import { searchAll } from './global-search.ts'

export function registerSearchRoutes(app: FastifyInstance, services: AppServices) {
  app.get('/api/v1/search', async (request) => {
    const ctx = await recordContextOf(services, request)
    const { q, limit, objects } = request.query as Record<string, unknown>
    if (typeof q !== 'string' || q.length > 200) throw new AppError('VALIDATION_FAILED', [{ field: 'q', code: typeof q === 'string' ? 'too_long' : 'required', params: { max: 200 } }])
    if (limit !== undefined && (typeof limit !== 'string' || !/^\d{1,2}$/.test(limit))) throw new AppError('VALIDATION_FAILED', [{ field: 'limit', code: 'out_of_range', params: { min: 1, max: 50 } }])
    if (objects !== undefined && typeof objects !== 'string') throw new AppError('VALIDATION_FAILED', [{ field: 'objects', code: 'expected_text' }])
    const groups = await searchAll(ctx, q, {
      limit: limit ? Number(limit) : undefined,
      locale: request.locale,
      objects: objects ? objects.split(',') : undefined,
    })
    return { data: groups }
  })
}
