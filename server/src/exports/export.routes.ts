import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors/app-error.ts'
import type { Locale } from '../i18n/translate.ts'
import { recordContextOf, type AppServices } from '../http/request-context.ts'
import { EXPORT_FORMATS, formats, type ExportFormat } from './export-formats.ts'
import { exportFilename, startExport } from './export-records.ts'
import { importVcards } from './vcard-import.ts'

const MAX_QUERY_TEXT = 200
const LOCALES: Locale[] = ['zh-CN', 'en']

function queryText(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string') throw new AppError('VALIDATION_FAILED', [{ field: name, code: 'expected_text' }])
  return value
}

/** Export of any list view (CSV, Excel, vCard, iCalendar) and vCard import of contacts. */
export function registerExportRoutes(app: FastifyInstance, services: AppServices) {
  app.get('/api/v1/:object/export', async (request, reply) => {
    const base = await recordContextOf(services, request)
    const query = request.query as Record<string, unknown>
    // A download started by navigation cannot send Accept-Language: the app names its language.
    const lang = queryText(query.lang, 'lang')
    if (lang !== undefined && !LOCALES.includes(lang as Locale)) throw new AppError('VALIDATION_FAILED', [{ field: 'lang', code: 'invalid_option', params: { allowed: LOCALES.join(', ') } }])
    const ctx = lang ? { ...base, actor: { ...base.actor, locale: lang as Locale } } : base
    const object = ctx.catalog.get((request.params as { object: string }).object)
    const format = (queryText(query.format, 'format') ?? 'csv') as ExportFormat
    const allowed = EXPORT_FORMATS.filter((name) => (formats[name].object ?? object.name) === object.name)
    if (!allowed.includes(format)) throw new AppError('VALIDATION_FAILED', [{ field: 'format', code: 'invalid_option', params: { allowed: allowed.join(', ') } }])
    const q = queryText(query.q, 'q')
    if (q !== undefined && q.length > MAX_QUERY_TEXT) throw new AppError('VALIDATION_FAILED', [{ field: 'q', code: 'too_long', params: { max: MAX_QUERY_TEXT } }])
    // No names (fields= or fields=,) means the object's own columns, as when the parameter is absent.
    const fields = queryText(query.fields, 'fields')?.split(',').map((name) => name.trim()).filter(Boolean)
    const started = await startExport(ctx, object, {
      format,
      filter: query.filter,
      sort: queryText(query.sort, 'sort'),
      q,
      fields: fields?.length ? fields : undefined,
    })
    started.done.then(({ status }) => status === 'failed' && request.log.error('export failed'))
    const spec = formats[format]
    return reply
      .header('content-type', spec.contentType)
      .header('content-disposition', exportFilename(object, ctx, spec.extension))
      .header('cache-control', 'no-store')
      .send(started.stream)
  })

  app.addContentTypeParser(['text/vcard', 'text/x-vcard', 'text/directory'], { parseAs: 'string' }, (_request, body, done) => done(null, body))
  app.post('/api/v1/contacts/vcard', async (request) => {
    const ctx = await recordContextOf(services, request)
    if (typeof request.body !== 'string') throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'invalid_vcard' }])
    return importVcards(ctx, request.body)
  })
}
