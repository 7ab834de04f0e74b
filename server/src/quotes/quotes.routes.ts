import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../errors/app-error.ts'
import { callerOf, recordContextOf, type AppServices } from '../http/request-context.ts'
import { getRecord } from '../records/get-record.ts'
import { LOGO_PURPOSE } from './quote-document.ts'
import { quoteAtVersion, quotePdf } from './quote-pdf-service.ts'
import { sendQuote } from './quote-send.ts'
import { checkQuoteSettingsChange, readQuoteSettings, writeQuoteSettings } from './quote-settings.ts'
import { listVersions } from './quote-versions.ts'
import { attachmentDisposition, imageTypeOf, latestFile, removeFiles, storeFile } from './stored-files.ts'

const MAX_LOGO_BYTES = 1024 * 1024
const idOf = (request: FastifyRequest) => (request.params as { id: string }).id

/** Quote actions (PDF, send, versions) and the workspace's quote settings and logo. */
export function registerQuoteRoutes(app: FastifyInstance, services: AppServices) {
  const db = services.database.db
  const admin = (request: FastifyRequest) => {
    const { actor } = callerOf(request)
    if (actor.role !== 'admin') throw new AppError('FORBIDDEN')
    return actor
  }

  app.get('/api/v1/quotes/:id/pdf', async (request, reply) => {
    const ctx = await recordContextOf(services, request)
    const { version, download, lang } = request.query as { version?: unknown; download?: unknown; lang?: unknown }
    // A link opened by the browser carries the browser's language; `lang` carries the app's.
    if (lang === 'en' || lang === 'zh-CN') ctx.actor.locale = lang
    const { pdf, filename } = await quotePdf(ctx, await quoteAtVersion(ctx, idOf(request), version))
    return reply.type('application/pdf').header('content-disposition', attachmentDisposition(filename, download !== '1')).send(pdf)
  })

  app.post('/api/v1/quotes/:id/send', async (request) => {
    const ctx = await recordContextOf(services, request)
    return sendQuote(ctx, idOf(request), request.body)
  })

  app.get('/api/v1/quotes/:id/versions', async (request) => {
    const ctx = await recordContextOf(services, request)
    const quote = await getRecord(ctx, ctx.catalog.get('quotes'), idOf(request))
    return { data: await listVersions(db, ctx.actor.workspaceId, quote) }
  })

  app.get('/api/v1/quotes/:id/versions/:version', async (request) => {
    const ctx = await recordContextOf(services, request)
    return quoteAtVersion(ctx, idOf(request), (request.params as { version: string }).version)
  })

  // Readable by every member: new quotes and the quote page show the defaults.
  app.get('/api/v1/quote-settings', async (request) => {
    const { actor } = callerOf(request)
    const settings = await readQuoteSettings(db, actor.workspaceId)
    const logo = await latestFile(db, actor.workspaceId, LOGO_PURPOSE)
    return { ...settings, has_logo: logo !== undefined }
  })

  app.patch('/api/v1/quote-settings', async (request) => {
    const actor = admin(request)
    return db.transaction().execute(async (trx) => {
      await trx.selectFrom('workspaces').select('id').where('id', '=', actor.workspaceId).forUpdate().execute()
      const settings = checkQuoteSettingsChange(await readQuoteSettings(trx, actor.workspaceId), request.body)
      await writeQuoteSettings(trx, actor.workspaceId, settings)
      return readQuoteSettings(trx, actor.workspaceId)
    })
  })

  app.get('/api/v1/quote-settings/logo', async (request, reply) => {
    const { actor } = callerOf(request)
    const logo = await latestFile(db, actor.workspaceId, LOGO_PURPOSE)
    if (!logo) throw new AppError('NOT_FOUND')
    return reply.type(logo.content_type).header('cache-control', 'private, no-cache').send(logo.data)
  })

  app.delete('/api/v1/quote-settings/logo', async (request, reply) => {
    const actor = admin(request)
    await removeFiles(db, actor.workspaceId, LOGO_PURPOSE)
    return reply.status(204).send()
  })

  // The image arrives as the raw body (PNG or JPEG, what a PDF can embed), in this scope only.
  app.register(async (scope) => {
    scope.addContentTypeParser(['image/png', 'image/jpeg', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_LOGO_BYTES },
      (_request, body, done) => done(null, body))
    scope.put('/api/v1/quote-settings/logo', async (request) => {
      const actor = admin(request)
      const data = Buffer.isBuffer(request.body) ? request.body : undefined
      if (!data || data.length === 0) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'expected_file' }])
      const type = imageTypeOf(data)
      if (!type) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'logo_not_image' }])
      await db.transaction().execute(async (trx) => {
        await removeFiles(trx, actor.workspaceId, LOGO_PURPOSE)
        await storeFile(trx, { workspaceId: actor.workspaceId, purpose: LOGO_PURPOSE, name: type === 'image/png' ? 'logo.png' : 'logo.jpg', contentType: type, data, createdBy: actor.userId, now: services.now() })
      })
      return { has_logo: true, content_type: type, size: data.length }
    })
  })
}
