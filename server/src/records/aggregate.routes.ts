import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors/app-error.ts'
import { recordContextOf, type AppServices } from '../http/request-context.ts'
import { aggregateRecords } from './aggregate-records.ts'

const MAX_QUERY_TEXT = 200

function textParam(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name]
  if (value === undefined) return undefined
  if (typeof value !== 'string') throw new AppError('VALIDATION_FAILED', [{ field: name, code: 'expected_text' }])
  return value
}

/**
 * Counts, sums and maxima over any object's records, with the list endpoint's filters and search:
 * board column totals, record-page figures. Registered before the record routes so that
 * `/aggregate` is not read as a record id.
 */
export function registerAggregateRoutes(app: FastifyInstance, services: AppServices) {
  app.get('/api/v1/:object/aggregate', async (request) => {
    const ctx = await recordContextOf(services, request)
    const object = ctx.catalog.get((request.params as { object: string }).object)
    const query = request.query as Record<string, unknown>
    const q = textParam(query, 'q')
    if (q !== undefined && q.length > MAX_QUERY_TEXT) throw new AppError('VALIDATION_FAILED', [{ field: 'q', code: 'too_long', params: { max: MAX_QUERY_TEXT } }])
    return aggregateRecords(ctx, object, {
      filter: query.filter,
      q,
      groupBy: textParam(query, 'group_by'),
      sum: textParam(query, 'sum'),
      max: textParam(query, 'max'),
    })
  })
}
