import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors/app-error.ts'
import type { AppServices } from '../http/request-context.ts'
import { localeFromHeader } from '../i18n/translate.ts'
import { callerFromApiKey, callerFromSession } from './load-actor.ts'
import { SESSION_COOKIE } from './tokens.ts'

/** Every /api route needs a signed-in caller (session cookie or API key) unless marked public. */
export function registerAuthentication(app: FastifyInstance, services: AppServices) {
  app.decorateRequest('caller', undefined)
  app.decorateRequest('locale', 'en')
  app.addHook('onRequest', async (request) => {
    request.locale = localeFromHeader(request.headers['accept-language'])
    if (!request.url.startsWith('/api/')) return
    const db = services.database.db
    const authorization = request.headers.authorization
    if (authorization?.startsWith('Bearer ')) {
      request.caller = await callerFromApiKey(db, authorization.slice(7).trim(), request.locale, services.now())
    } else {
      const token = request.cookies[SESSION_COOKIE]
      if (token) request.caller = await callerFromSession(db, token, request.locale, services.now())
    }
    if (!request.caller && !request.routeOptions.config?.public) throw new AppError('UNAUTHENTICATED')
  })
}
