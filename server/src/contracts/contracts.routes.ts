import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../errors/app-error.ts'
import { recordContextOf, type AppServices } from '../http/request-context.ts'
import { attachmentDisposition, readStoredFile, storeFile } from '../quotes/stored-files.ts'
import { getRecord } from '../records/get-record.ts'
import { updateRecords } from '../records/write-pipeline.ts'
import { contractFromQuote, orderFromContract } from './contract-service.ts'

const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
const ATTACHMENT_PURPOSE = 'contract_attachment'
const idOf = (request: FastifyRequest) => (request.params as { id: string }).id

/** Quote → contract → order, and a contract's signed copy (stored in the database, linked by its `signed_copy` file field). */
export function registerContractRoutes(app: FastifyInstance, services: AppServices) {
  app.post('/api/v1/quotes/:id/contract', async (request, reply) => {
    const ctx = await recordContextOf(services, request)
    return reply.status(201).send(await contractFromQuote(ctx, idOf(request), request.body))
  })

  app.post('/api/v1/contracts/:id/order', async (request, reply) => {
    const ctx = await recordContextOf(services, request)
    return reply.status(201).send(await orderFromContract(ctx, idOf(request), request.body))
  })

  app.get('/api/v1/contracts/:id/attachment/:fileId', async (request, reply) => {
    const ctx = await recordContextOf(services, request)
    const contract = await getRecord(ctx, ctx.catalog.get('contracts'), idOf(request))
    const file = await readStoredFile(ctx.db, ctx.actor.workspaceId, (request.params as { fileId: string }).fileId)
    if (file.object !== 'contracts' || file.record_id !== contract.id) throw new AppError('NOT_FOUND')
    return reply.type(file.content_type).header('content-disposition', attachmentDisposition(file.name)).send(file.data)
  })

  // Any file type, as the raw body; its name in `?name=`. In this scope only.
  app.register(async (scope) => {
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_request, body, done) => done(null, body))
    scope.post('/api/v1/contracts/:id/attachment', async (request) => {
      const ctx = await recordContextOf(services, request)
      const contracts = ctx.catalog.get('contracts')
      const data = Buffer.isBuffer(request.body) ? request.body : undefined
      if (!data || data.length === 0) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'expected_file' }])
      const name = String((request.query as { name?: unknown }).name ?? '').trim()
      if (!name || name.length > 255) throw new AppError('VALIDATION_FAILED', [{ field: 'name', code: name ? 'too_long' : 'required', params: { max: 255 } }])
      const contentType = (request.headers['content-type'] ?? 'application/octet-stream').split(';')[0].trim().slice(0, 100)
      const id = idOf(request)
      await getRecord(ctx, contracts, id)
      return ctx.db.transaction().execute(async (trx) => {
        const fileId = await storeFile(trx, { workspaceId: ctx.actor.workspaceId, purpose: ATTACHMENT_PURPOSE, object: 'contracts', recordId: id, name, contentType, data, createdBy: ctx.actor.userId, now: services.now() })
        const signedCopy = { name, url: `/api/v1/contracts/${id}/attachment/${fileId}`, size: data.length, contentType }
        const [contract] = await updateRecords(ctx, contracts, [{ id, input: { signed_copy: signedCopy } }], { trx })
        return contract
      })
    })
  })
}
