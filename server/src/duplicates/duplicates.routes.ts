import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../errors/app-error.ts'
import { recordContextOf, type AppServices } from '../http/request-context.ts'
import { findDuplicates } from './duplicate-check.ts'
import { listDuplicateGroups } from './duplicate-groups.ts'
import { mergeRecords, parseMergeRequest } from './merge-records.ts'
import { listMerges, undoMerge } from './merge-undo.ts'

function checkBody(body: unknown): { values: Record<string, unknown>; excludeId?: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'expected_object' }])
  const { values, excludeId } = body as Record<string, unknown>
  if (typeof values !== 'object' || values === null || Array.isArray(values)) throw new AppError('VALIDATION_FAILED', [{ field: 'values', code: 'expected_object' }])
  if (excludeId !== undefined && excludeId !== null && typeof excludeId !== 'string') throw new AppError('VALIDATION_FAILED', [{ field: 'excludeId', code: 'invalid_id' }])
  return { values: values as Record<string, unknown>, excludeId: (excludeId as string | null) ?? undefined }
}

function pageLimit(value: unknown): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > 100) {
    throw new AppError('VALIDATION_FAILED', [{ field: 'limit', code: 'out_of_range', params: { min: 1, max: 100 } }])
  }
  return Number(value)
}

/** Duplicate warnings, the review list of duplicate groups, merge and its undo. */
export function registerDuplicateRoutes(app: FastifyInstance, services: AppServices) {
  const objectOf = async (request: FastifyRequest) => {
    const ctx = await recordContextOf(services, request)
    return { ctx, object: ctx.catalog.get((request.params as { object: string }).object) }
  }

  app.post('/api/v1/:object/duplicates/check', async (request) => {
    const { ctx, object } = await objectOf(request)
    const { values, excludeId } = checkBody(request.body)
    return { data: await findDuplicates(ctx, object, values, excludeId) }
  })

  app.get('/api/v1/:object/duplicates', async (request) => {
    const { ctx, object } = await objectOf(request)
    const query = request.query as Record<string, unknown>
    if (query.cursor !== undefined && typeof query.cursor !== 'string') throw new AppError('VALIDATION_FAILED', [{ field: 'cursor', code: 'invalid_cursor' }])
    return listDuplicateGroups(ctx, object, { cursor: query.cursor as string | undefined, limit: pageLimit(query.limit) })
  })

  app.post('/api/v1/:object/merge', async (request) => {
    const { ctx, object } = await objectOf(request)
    return mergeRecords(ctx, object, parseMergeRequest(request.body))
  })

  app.get('/api/v1/:object/:id/merges', async (request) => {
    const ctx = await recordContextOf(services, request)
    const { object, id } = request.params as { object: string; id: string }
    return listMerges(ctx, object, id)
  })

  app.post('/api/v1/merges/:id/undo', async (request) => {
    const ctx = await recordContextOf(services, request)
    return undoMerge(ctx, (request.params as { id: string }).id)
  })
}
