import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors/app-error.ts'
import { callerOf, type AppServices } from '../http/request-context.ts'
import { listAudit } from './audit-log.ts'

const text = (value: unknown, name: string): string | undefined => {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value.length > 100) throw new AppError('VALIDATION_FAILED', [{ field: name, code: 'expected_text' }])
  return value
}

/** The audit log, for administrators only. */
export function registerAuditRoutes(app: FastifyInstance, services: AppServices) {
  app.get('/api/v1/audit', async (request) => {
    const { actor } = callerOf(request)
    if (actor.role !== 'admin') throw new AppError('FORBIDDEN')
    const query = request.query as Record<string, unknown>
    const limitText = text(query.limit, 'limit')
    if (limitText !== undefined && !/^\d{1,3}$/.test(limitText)) throw new AppError('VALIDATION_FAILED', [{ field: 'limit', code: 'out_of_range', params: { min: 1, max: 200 } }])
    const limit = limitText === undefined ? 50 : Number(limitText)
    if (limit < 1 || limit > 200) throw new AppError('VALIDATION_FAILED', [{ field: 'limit', code: 'out_of_range', params: { min: 1, max: 200 } }])
    return listAudit(services.database.db, actor.workspaceId, { action: text(query.action, 'action'), before: text(query.cursor, 'cursor'), limit })
  })
}
