import type { FastifyInstance } from 'fastify'
import { v7 as uuidv7 } from 'uuid'
import { AppError } from '../errors/app-error.ts'
import { recordContextOf, type AppServices } from '../http/request-context.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'
import { checkSettings } from './import-settings.ts'

/** Saved column mappings per object, to reuse on the next file with the same headers. */
export function registerTemplateRoutes(app: FastifyInstance, services: AppServices) {
  app.get('/api/v1/import-templates', async (request) => {
    const ctx = await recordContextOf(services, request)
    const { object } = request.query as { object?: unknown }
    if (typeof object !== 'string') throw new AppError('VALIDATION_FAILED', [{ field: 'object', code: 'required' }])
    const rows = await ctx.db.selectFrom('import_templates').select(['id', 'object', 'name', 'mapping', 'match_key', 'on_duplicate', 'created_at'])
      .where('workspace_id', '=', ctx.actor.workspaceId).where('object', '=', ctx.catalog.get(object).name).orderBy('name').execute()
    return { data: rows }
  })

  app.post('/api/v1/import-templates', async (request, reply) => {
    const ctx = await recordContextOf(services, request)
    const body = (request.body ?? {}) as { object?: unknown; name?: unknown; mapping?: unknown; match_key?: unknown; on_duplicate?: unknown }
    if (typeof body.object !== 'string') throw new AppError('VALIDATION_FAILED', [{ field: 'object', code: 'required' }])
    const object = ctx.catalog.get(body.object)
    if (typeof body.name !== 'string' || body.name.trim() === '') throw new AppError('VALIDATION_FAILED', [{ field: 'name', code: 'required' }])
    if (body.name.length > 100) throw new AppError('VALIDATION_FAILED', [{ field: 'name', code: 'too_long', params: { max: 100 } }])
    if (typeof body.mapping !== 'object' || body.mapping === null || Array.isArray(body.mapping)) throw new AppError('VALIDATION_FAILED', [{ field: 'mapping', code: 'expected_object' }])
    const settings = checkSettings(object, Object.keys(body.mapping), { mapping: body.mapping, match_key: body.match_key, on_duplicate: body.on_duplicate })
    const values = {
      workspace_id: ctx.actor.workspaceId, id: uuidv7(), object: object.name, name: body.name.trim(),
      mapping: JSON.stringify(settings.mapping), match_key: settings.match_key ?? null, on_duplicate: settings.on_duplicate ?? null, created_by: ctx.actor.userId,
    }
    // Saving under an existing name replaces that template.
    const row = await ctx.db.insertInto('import_templates').values(values)
      .onConflict((oc) => oc.columns(['workspace_id', 'object', 'name']).doUpdateSet({ mapping: values.mapping, match_key: values.match_key, on_duplicate: values.on_duplicate }))
      .returning(['id', 'object', 'name', 'mapping', 'match_key', 'on_duplicate', 'created_at']).executeTakeFirstOrThrow()
    return reply.status(201).send(row)
  })

  app.delete('/api/v1/import-templates/:id', async (request, reply) => {
    const ctx = await recordContextOf(services, request)
    const { id } = request.params as { id: string }
    if (!isUuid(id)) throw new AppError('NOT_FOUND')
    const deleted = await ctx.db.deleteFrom('import_templates').where('workspace_id', '=', ctx.actor.workspaceId).where('id', '=', id).executeTakeFirst()
    if (Number(deleted.numDeletedRows) === 0) throw new AppError('NOT_FOUND')
    return reply.status(204).send()
  })
}
