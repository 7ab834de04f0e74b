import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Readable } from 'node:stream'
import { v7 as uuidv7 } from 'uuid'
import { assertCan } from '../access/record-access.ts'
import { AppError } from '../errors/app-error.ts'
import { recordContextOf, type AppServices } from '../http/request-context.ts'
import { isImportable } from './cell-values.ts'
import { suggestMapping } from './header-mapping.ts'
import { storeUpload } from './import-files.ts'
import { enqueueImportBatch } from './import-job.ts'
import { dryRun, preview } from './import-preview.ts'
import { rejectedRowsReport } from './import-report.ts'
import { startRevert } from './import-revert.ts'
import { importToApi, loadImport, canSeeImport, type ImportRow } from './import-store.ts'
import { detectEncoding, detectFormat, scanFile } from './row-reader.ts'
import { checkSettings } from './import-settings.ts'
import { registerTemplateRoutes } from './import-templates.routes.ts'
import { mergePendingSearchKeys } from '../search/search-pending-list.ts'

const FILE_TYPES = ['application/octet-stream', 'text/csv', 'text/plain', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel']

function textParam(value: unknown, field: string, max = 255): string {
  if (typeof value !== 'string' || value.trim() === '') throw new AppError('VALIDATION_FAILED', [{ field, code: 'required' }])
  if (value.length > max) throw new AppError('VALIDATION_FAILED', [{ field, code: 'too_long', params: { max } }])
  return value.trim()
}

/** Imports of a file into any object: create, upload (streamed), map, preview, dry run, run, cancel, report, revert. */
export function registerImportRoutes(app: FastifyInstance, services: AppServices) {
  const contextOf = (request: FastifyRequest) => recordContextOf(services, request)
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id
  const update = async (row: ImportRow, values: Record<string, unknown>) =>
    (await services.database.db.updateTable('imports').set({ ...values, updated_at: services.now() })
      .where('workspace_id', '=', row.workspace_id).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow()) as ImportRow

  app.post('/api/v1/imports', async (request, reply) => {
    const ctx = await contextOf(request)
    const body = (request.body ?? {}) as { object?: unknown; file_name?: unknown }
    const object = ctx.catalog.get(textParam(body.object, 'object', 64))
    assertCan(ctx.actor, object, 'create')
    const row = await ctx.db.insertInto('imports').values({
      workspace_id: ctx.actor.workspaceId, id: uuidv7(), object: object.name, file_name: textParam(body.file_name, 'file_name'),
      created_by: ctx.actor.userId, created_at: services.now(), updated_at: services.now(),
    }).returningAll().executeTakeFirstOrThrow()
    return reply.status(201).send(importToApi(row as ImportRow))
  })

  app.get('/api/v1/imports', async (request) => {
    const ctx = await contextOf(request)
    const { object } = request.query as { object?: string }
    let query = ctx.db.selectFrom('imports').selectAll().where('workspace_id', '=', ctx.actor.workspaceId).orderBy('created_at', 'desc').limit(100)
    if (typeof object === 'string') query = query.where('object', '=', object)
    const rows = (await query.execute()) as ImportRow[]
    return { data: rows.filter((row) => canSeeImport(ctx.actor, row)).map(importToApi) }
  })

  app.get('/api/v1/imports/:id', async (request) => {
    const ctx = await contextOf(request)
    return importToApi(await loadImport(ctx.db, ctx.actor, idOf(request)))
  })

  // The raw body reaches the handler as a stream, in this scope only (the text guard checks parsed data, not streams).
  app.register(async (scope) => {
    scope.addContentTypeParser(FILE_TYPES, (_request, payload, done) => done(null, payload))
    scope.put('/api/v1/imports/:id/file', async (request) => {
      const ctx = await contextOf(request)
      const row = await loadImport(ctx.db, ctx.actor, idOf(request))
      if (row.status !== 'new' && row.status !== 'uploaded') throw new AppError('CONFLICT', [{ field: 'status', code: 'import_started' }])
      const stream = request.body instanceof Readable ? request.body : undefined
      if (!stream) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'expected_file' }])
      const { filePath, size } = await storeUpload(row.workspace_id, row.id, stream)
      const format = await detectFormat(filePath, row.file_name)
      const encoding = format === 'csv' ? await detectEncoding(filePath) : null
      let scanned: { headers: string[]; totalRows: number }
      try {
        scanned = await scanFile(filePath, format, encoding)
      } catch {
        throw new AppError('VALIDATION_FAILED', [{ field: 'file', code: 'unreadable_file' }])
      }
      if (scanned.headers.length === 0) throw new AppError('VALIDATION_FAILED', [{ field: 'file', code: 'empty_file' }])
      const object = ctx.catalog.get(row.object)
      const updated = await update(row, {
        status: 'uploaded', file_path: filePath, file_format: format, encoding, file_size: size,
        headers: JSON.stringify(scanned.headers), total_rows: scanned.totalRows, mapping: JSON.stringify(suggestMapping(object, scanned.headers)),
      })
      return importToApi(updated)
    })
  })

  app.patch('/api/v1/imports/:id', async (request) => {
    const ctx = await contextOf(request)
    const row = await loadImport(ctx.db, ctx.actor, idOf(request))
    if (row.status !== 'uploaded') throw new AppError('CONFLICT', [{ field: 'status', code: 'import_started' }])
    const settings = checkSettings(ctx.catalog.get(row.object), row.headers ?? [], request.body)
    return importToApi(await update(row, { ...settings, mapping: JSON.stringify(settings.mapping) }))
  })

  app.get('/api/v1/imports/:id/preview', async (request) => {
    const ctx = await contextOf(request)
    const row = await loadImport(ctx.db, ctx.actor, idOf(request))
    return preview(ctx, row)
  })

  app.post('/api/v1/imports/:id/dry-run', async (request) => {
    const ctx = await contextOf(request)
    const row = await loadImport(ctx.db, ctx.actor, idOf(request))
    return dryRun(ctx, row)
  })

  app.post('/api/v1/imports/:id/start', async (request) => {
    const ctx = await contextOf(request)
    return ctx.db.transaction().execute(async (trx) => {
      const row = await loadImport(trx, ctx.actor, idOf(request), { forUpdate: true })
      if (row.status !== 'uploaded') throw new AppError('CONFLICT', [{ field: 'status', code: 'import_started' }])
      const object = ctx.catalog.get(row.object)
      assertCan(ctx.actor, object, 'create')
      if (!Object.values(row.mapping).some((field) => field && object.field(field) && isImportable(object.field(field)!))) {
        throw new AppError('VALIDATION_FAILED', [{ field: 'mapping', code: 'required' }])
      }
      await enqueueImportBatch(trx, row.workspace_id, row.id, 0)
      const started = await trx.updateTable('imports').set({ status: 'queued', started_at: services.now(), updated_at: services.now() })
        .where('workspace_id', '=', row.workspace_id).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow()
      return importToApi(started as ImportRow)
    })
  })

  app.post('/api/v1/imports/:id/cancel', async (request) => {
    const ctx = await contextOf(request)
    const cancelled = await ctx.db.transaction().execute(async (trx) => {
      const row = await loadImport(trx, ctx.actor, idOf(request), { forUpdate: true })
      if (!['queued', 'running', 'uploaded', 'new'].includes(row.status)) throw new AppError('CONFLICT', [{ field: 'status', code: 'import_finished' }])
      return (await trx.updateTable('imports').set({ status: 'cancelled', finished_at: services.now(), updated_at: services.now() })
        .where('workspace_id', '=', row.workspace_id).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow()) as ImportRow
    })
    // No batch runs after the cancel commits: what the import left pending is merged now, not by someone's next save.
    const object = ctx.catalog.find(cancelled.object)
    if (object) await mergePendingSearchKeys(ctx.db, object)
    return importToApi(cancelled)
  })

  // Runs as a job in batches (an import may have created a million records): 202 with `reverting`.
  app.post('/api/v1/imports/:id/revert', async (request, reply) => {
    const ctx = await contextOf(request)
    const started = await ctx.db.transaction().execute(async (trx) => {
      const row = await loadImport(trx, ctx.actor, idOf(request), { forUpdate: true })
      assertCan(ctx.actor, ctx.catalog.get(row.object), 'delete')
      return startRevert(trx, row, services.now())
    })
    return reply.status(202).send(importToApi(started))
  })

  app.get('/api/v1/imports/:id/report', async (request, reply) => {
    const ctx = await contextOf(request)
    const row = await loadImport(ctx.db, ctx.actor, idOf(request))
    const name = `${row.file_name.replace(/\.[^.]+$/, '')}-rejected.csv`
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="import-rejected.csv"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(rejectedRowsReport(ctx.db, row, ctx.actor.locale))
  })

  registerTemplateRoutes(app, services)
}
