import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors/app-error.ts'
import { callerOf, type AppServices } from '../http/request-context.ts'
import { checkMailSettingsChange, maskedMailSettings, readMailSettings, writeMailSettings } from './mail-settings.ts'

/** The workspace's outgoing mail server: administrators only, the password never read back. */
export function registerMailRoutes(app: FastifyInstance, services: AppServices) {
  const db = services.database.db
  const admin = (request: Parameters<typeof callerOf>[0]) => {
    const { actor } = callerOf(request)
    if (actor.role !== 'admin') throw new AppError('FORBIDDEN')
    return actor
  }

  app.get('/api/v1/mail/settings', async (request) => maskedMailSettings(await readMailSettings(db, admin(request).workspaceId)))

  app.patch('/api/v1/mail/settings', async (request) => {
    const actor = admin(request)
    return db.transaction().execute(async (trx) => {
      await trx.selectFrom('workspaces').select('id').where('id', '=', actor.workspaceId).forUpdate().execute()
      const settings = checkMailSettingsChange(await readMailSettings(trx, actor.workspaceId), request.body)
      await writeMailSettings(trx, actor.workspaceId, settings)
      return maskedMailSettings(settings)
    })
  })
}
