import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors/app-error.ts'
import { callerOf, type AppServices } from '../http/request-context.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'
import { listNotifications, markNotificationsRead } from './notification-store.ts'

const MAX_IDS = 500

function limitOf(value: unknown): number {
  if (value === undefined) return 20
  if (typeof value !== 'string' || !/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > 100) {
    throw new AppError('VALIDATION_FAILED', [{ field: 'limit', code: 'out_of_range', params: { min: 1, max: 100 } }])
  }
  return Number(value)
}

/** The signed-in user's own notification list: always the caller's, never anyone else's. */
export function registerNotificationRoutes(app: FastifyInstance, services: AppServices) {
  app.get('/api/v1/notifications', async (request) => {
    const { actor } = callerOf(request)
    const query = request.query as Record<string, unknown>
    if (query.cursor !== undefined && typeof query.cursor !== 'string') throw new AppError('VALIDATION_FAILED', [{ field: 'cursor', code: 'invalid_cursor' }])
    if (query.unread !== undefined && query.unread !== 'true' && query.unread !== 'false') {
      throw new AppError('VALIDATION_FAILED', [{ field: 'unread', code: 'expected_boolean' }])
    }
    return listNotifications(services.database.db, actor.workspaceId, actor.userId, request.locale, {
      cursor: query.cursor as string | undefined,
      limit: limitOf(query.limit),
      unreadOnly: query.unread === 'true',
    })
  })

  // Body `{ "ids": [...] }` or `{ "all": true }`.
  app.post('/api/v1/notifications/read', async (request) => {
    const { actor } = callerOf(request)
    const body = request.body as Record<string, unknown> | null
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'expected_object' }])
    const unknown = Object.keys(body).find((key) => key !== 'ids' && key !== 'all')
    if (unknown) throw new AppError('VALIDATION_FAILED', [{ field: unknown, code: 'unknown_field' }])
    let ids: string[] | 'all'
    if (body.all !== undefined) {
      if (body.all !== true) throw new AppError('VALIDATION_FAILED', [{ field: 'all', code: 'expected_boolean' }])
      ids = 'all'
    } else {
      if (!Array.isArray(body.ids)) throw new AppError('VALIDATION_FAILED', [{ field: 'ids', code: body.ids === undefined ? 'required' : 'expected_list' }])
      if (body.ids.length > MAX_IDS) throw new AppError('VALIDATION_FAILED', [{ field: 'ids', code: 'too_many_items', params: { max: MAX_IDS } }])
      const bad = body.ids.findIndex((id) => !isUuid(id))
      if (bad >= 0) throw new AppError('VALIDATION_FAILED', [{ field: `ids[${bad}]`, code: 'invalid_id' }])
      ids = (body.ids as string[]).map((id) => id.toLowerCase())
      if (ids.length === 0) return { updated: 0 }
    }
    return { updated: await markNotificationsRead(services.database.db, actor.workspaceId, actor.userId, ids, services.now()) }
  })
}
