import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../errors/app-error.ts'
import { recordContextOf, type AppServices } from '../http/request-context.ts'
import { getRecord } from './get-record.ts'
import { withIdempotency } from './idempotency.ts'
import { listRecords } from './list-records.ts'
import { recordTimeline } from './timeline.ts'
import { createRecords, setDeleted, updateRecords } from './write-pipeline.ts'

const MAX_BULK = 1000
const BULK_KEYS = ['create', 'update', 'delete']
const MAX_QUERY_TEXT = 200

function ifMatchVersion(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match']
  if (header === undefined) return undefined
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(String(header))
  if (!match) throw new AppError('VALIDATION_FAILED', [{ field: 'If-Match', code: 'expected_integer' }])
  return Number(match[1])
}

const etag = (version: number) => `"${version}"`

function singleQueryValue(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string') throw new AppError('VALIDATION_FAILED', [{ field: name, code: 'expected_text' }])
  return value
}

/** The generic REST surface of every object, standard and custom, derived from its metadata. */
export function registerRecordRoutes(app: FastifyInstance, services: AppServices) {
  const objectOf = async (request: FastifyRequest) => {
    const ctx = await recordContextOf(services, request)
    const { object } = request.params as { object: string }
    return { ctx, object: ctx.catalog.get(object) }
  }

  app.get('/api/v1/:object', async (request) => {
    const { ctx, object } = await objectOf(request)
    const query = request.query as Record<string, unknown>
    const limitText = singleQueryValue(query.limit, 'limit')
    if (limitText !== undefined && !/^\d{1,4}$/.test(limitText)) throw new AppError('VALIDATION_FAILED', [{ field: 'limit', code: 'out_of_range', params: { min: 1, max: 200 } }])
    const limit = limitText === undefined ? undefined : Number(limitText)
    if (limit !== undefined && (limit < 1 || limit > 200)) throw new AppError('VALIDATION_FAILED', [{ field: 'limit', code: 'out_of_range', params: { min: 1, max: 200 } }])
    const fields = singleQueryValue(query.fields, 'fields')
    const q = singleQueryValue(query.q, 'q')
    if (q !== undefined && q.length > MAX_QUERY_TEXT) throw new AppError('VALIDATION_FAILED', [{ field: 'q', code: 'too_long', params: { max: MAX_QUERY_TEXT } }])
    const deleted = singleQueryValue(query.deleted, 'deleted')
    return listRecords(ctx, object, {
      filter: query.filter,
      sort: singleQueryValue(query.sort, 'sort'),
      cursor: singleQueryValue(query.cursor, 'cursor'),
      q,
      limit,
      fields: fields ? fields.split(',').map((name) => name.trim()).filter(Boolean) : undefined,
      deleted: deleted === 'true',
    })
  })

  app.post('/api/v1/:object', async (request, reply) => {
    const { ctx, object } = await objectOf(request)
    const key = request.headers['idempotency-key']
    const response = await withIdempotency(ctx.db, ctx.actor, typeof key === 'string' ? key : undefined, { object: object.name, body: request.body }, async (trx) => {
      const [record] = await createRecords({ ...ctx, db: trx }, object, [request.body], { trx })
      return { status: 201, body: record }
    })
    const record = response.body as { version: number }
    return reply.status(response.status).header('etag', etag(record.version)).send(record)
  })

  // All or nothing: creates, updates and deletes (to the recycle bin) in one transaction.
  app.post('/api/v1/:object/bulk', async (request) => {
    const { ctx, object } = await objectOf(request)
    const body = request.body as { create?: unknown; update?: unknown; delete?: unknown } | null
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'expected_object' }])
    const unknownKey = Object.keys(body).find((key) => !BULK_KEYS.includes(key))
    if (unknownKey) throw new AppError('VALIDATION_FAILED', [{ field: unknownKey.slice(0, 100), code: 'unknown_field' }])
    for (const key of BULK_KEYS) {
      const list = body[key as keyof typeof body]
      if (list !== undefined && (!Array.isArray(list) || list.length > MAX_BULK)) throw new AppError('VALIDATION_FAILED', [{ field: key, code: 'too_many_items', params: { max: MAX_BULK } }])
    }
    const creates = (body.create ?? []) as unknown[]
    const updates = ((body.update ?? []) as unknown[]).map((item, index) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new AppError('VALIDATION_FAILED', [{ field: `update[${index}]`, code: 'expected_object' }])
      const { id, version, ...input } = item as Record<string, unknown>
      if (typeof id !== 'string') throw new AppError('VALIDATION_FAILED', [{ field: `update[${index}].id`, code: 'invalid_id' }])
      if (version !== undefined && (typeof version !== 'number' || !Number.isInteger(version))) throw new AppError('VALIDATION_FAILED', [{ field: `update[${index}].version`, code: 'expected_integer' }])
      return { id, input, expectedVersion: version as number | undefined, prefix: `update[${index}].` }
    })
    const deletes = ((body.delete ?? []) as unknown[]).map((id, index) => {
      if (typeof id !== 'string') throw new AppError('VALIDATION_FAILED', [{ field: `delete[${index}]`, code: 'invalid_id' }])
      return id
    })
    return ctx.db.transaction().execute(async (trx) => {
      const trxCtx = { ...ctx, db: trx }
      const created = creates.length > 0 ? await createRecords(trxCtx, object, creates, { bulk: true, trx }) : []
      const updated = updates.length > 0 ? await updateRecords(trxCtx, object, updates, { trx }) : []
      const deleted: string[] = []
      for (const id of new Set(deletes)) deleted.push((await setDeleted(trxCtx, object, id, true, undefined, { trx })).id)
      return { created, updated, deleted }
    })
  })

  app.get('/api/v1/:object/:id', async (request, reply) => {
    const { ctx, object } = await objectOf(request)
    const record = await getRecord(ctx, object, (request.params as { id: string }).id)
    return reply.header('etag', etag(record.version)).send(record)
  })

  app.patch('/api/v1/:object/:id', async (request, reply) => {
    const { ctx, object } = await objectOf(request)
    const [record] = await updateRecords(ctx, object, [{ id: (request.params as { id: string }).id, input: request.body, expectedVersion: ifMatchVersion(request) }])
    return reply.header('etag', etag(record.version)).send(record)
  })

  app.delete('/api/v1/:object/:id', async (request, reply) => {
    const { ctx, object } = await objectOf(request)
    const record = await setDeleted(ctx, object, (request.params as { id: string }).id, true, ifMatchVersion(request))
    return reply.header('etag', etag(record.version)).send(record)
  })

  app.post('/api/v1/:object/:id/restore', async (request, reply) => {
    const { ctx, object } = await objectOf(request)
    const record = await setDeleted(ctx, object, (request.params as { id: string }).id, false, ifMatchVersion(request))
    return reply.header('etag', etag(record.version)).send(record)
  })

  app.get('/api/v1/:object/:id/timeline', async (request) => {
    const { ctx, object } = await objectOf(request)
    const query = request.query as Record<string, unknown>
    const limit = singleQueryValue(query.limit, 'limit')
    return recordTimeline(ctx, object, (request.params as { id: string }).id, {
      limit: limit && /^\d{1,3}$/.test(limit) ? Number(limit) : undefined,
      before: singleQueryValue(query.before, 'before'),
    })
  })
}
