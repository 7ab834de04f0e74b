import type { FastifyInstance } from 'fastify'
import { recordContextOf, type AppServices } from '../http/request-context.ts'
import { bulkTag } from './bulk-tags.ts'

/** `POST /api/v1/{object}/bulk-tags {ids, add, remove}`: tag many records without dropping their tags. */
export function registerTagRoutes(app: FastifyInstance, services: AppServices) {
  app.post('/api/v1/:object/bulk-tags', async (request) => {
    const ctx = await recordContextOf(services, request)
    const object = ctx.catalog.get((request.params as { object: string }).object)
    return bulkTag(ctx, object, request.body)
  })
}
