import type { FastifyInstance } from 'fastify'
import { can } from '../access/record-access.ts'
import { AppError } from '../errors/app-error.ts'
import { recordContextOf, type AppServices } from '../http/request-context.ts'
import { aggregateRecords } from '../records/aggregate-records.ts'
import { listRecords } from '../records/list-records.ts'
import type { RecordContext } from '../records/record-context.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import { behaviourConditionsOf } from './behaviour-filters.ts'

const MAX_SEGMENTS = 100

/** A saved filter's live count; a filter that no longer parses (a deleted field) counts as null. */
async function liveCount(ctx: RecordContext, object: ObjectSchema, filterText: unknown): Promise<number | null> {
  try {
    const filter = typeof filterText === 'string' && filterText !== '' ? JSON.parse(filterText) : undefined
    return (await aggregateRecords(ctx, object, { filter })).count
  } catch (error) {
    if (error instanceof AppError || error instanceof SyntaxError) return null
    throw error
  }
}

/**
 * Dynamic segments of an object: the behavioural conditions it offers (for the filter builder) and
 * the caller's segment views (`views` of kind `segment`) with their live counts.
 */
export function registerSegmentRoutes(app: FastifyInstance, services: AppServices) {
  app.get('/api/v1/:object/segments', async (request) => {
    const ctx = await recordContextOf(services, request)
    const object = ctx.catalog.get((request.params as { object: string }).object)
    if (!can(ctx.actor, object, 'read')) throw new AppError('FORBIDDEN')
    const views = ctx.catalog.get('views')
    const page = can(ctx.actor, views, 'read')
      ? await listRecords(ctx, views, { filter: { object: { eq: object.name }, kind: { eq: 'segment' } }, sort: 'name', limit: MAX_SEGMENTS })
      : { data: [] }
    const segments = []
    for (const view of page.data) {
      segments.push({ id: view.id, name: view.name, filter: view.filter ?? null, shared: Boolean(view.shared), count: await liveCount(ctx, object, view.filter) })
    }
    return { conditions: behaviourConditionsOf(object), segments }
  })
}
