import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors/app-error.ts'
import { callerOf, type AppServices } from '../http/request-context.ts'
import { closeSuggestion, listSuggestions, makeSuggestions } from './suggestion-store.ts'
import { checkFollowUpChange, localParts, readFollowUpSettings, writeFollowUpSettings } from './workspace-time.ts'

/** Follow-up suggestions (跟进建议): today's list, refresh, dismiss/done, and the workspace's settings. */
export function registerSuggestionRoutes(app: FastifyInstance, services: AppServices) {
  const db = services.database.db

  app.get('/api/v1/suggestions/today', async (request) => {
    const { actor } = callerOf(request)
    const settings = await readFollowUpSettings(db, actor.workspaceId)
    const day = localParts(services.now(), settings.time_zone).day
    const all = (request.query as { all?: unknown }).all === 'true'
    return { day, data: await listSuggestions(db, actor.workspaceId, actor.userId, day, request.locale, all) }
  })

  // Makes the caller's suggestions for today now, instead of waiting for the morning run.
  app.post('/api/v1/suggestions/refresh', async (request) => {
    const { actor } = callerOf(request)
    const now = services.now()
    const settings = await readFollowUpSettings(db, actor.workspaceId)
    const day = localParts(now, settings.time_zone).day
    await db.transaction().execute((trx) => makeSuggestions(trx, { workspaceId: actor.workspaceId, day, now, settings, userId: actor.userId }))
    return { day, data: await listSuggestions(db, actor.workspaceId, actor.userId, day, request.locale, false) }
  })

  for (const [action, status] of [['dismiss', 'dismissed'], ['done', 'done']] as const) {
    app.post(`/api/v1/suggestions/:id/${action}`, async (request) => {
      const { actor } = callerOf(request)
      await closeSuggestion(db, actor.workspaceId, actor.userId, (request.params as { id: string }).id, status, services.now())
      return { status }
    })
  }

  app.get('/api/v1/suggestions/settings', async (request) => readFollowUpSettings(db, callerOf(request).actor.workspaceId))

  app.patch('/api/v1/suggestions/settings', async (request) => {
    const { actor } = callerOf(request)
    if (actor.role !== 'admin') throw new AppError('FORBIDDEN')
    return db.transaction().execute(async (trx) => {
      await trx.selectFrom('workspaces').select('id').where('id', '=', actor.workspaceId).forUpdate().execute()
      const settings = checkFollowUpChange(await readFollowUpSettings(trx, actor.workspaceId), request.body)
      await writeFollowUpSettings(trx, actor.workspaceId, settings)
      return settings
    })
  })
}
