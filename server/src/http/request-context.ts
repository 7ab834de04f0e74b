import type { FastifyRequest } from 'fastify'
import type { Caller } from '../auth/load-actor.ts'
import type { Database } from '../db/database.ts'
import { AppError } from '../errors/app-error.ts'
import type { Locale } from '../i18n/translate.ts'
import { catalogFor } from '../metadata/object-catalog.ts'
import type { RecordContext } from '../records/record-context.ts'
import type { AppConfig } from '../config.ts'

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller
    locale: Locale
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. Routes are authenticated unless they say so here. */
    public?: boolean
  }
}

/** What route modules are given: the database and the settings. */
export interface AppServices {
  database: Database
  config: AppConfig
  /** Current time; tests may fix it. */
  now: () => Date
}

export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new AppError('UNAUTHENTICATED')
  return request.caller
}

/** The record context of a signed-in request. */
export async function recordContextOf(services: AppServices, request: FastifyRequest): Promise<RecordContext> {
  const caller = callerOf(request)
  const actor = { ...caller.actor, locale: request.locale }
  const catalog = await catalogFor(services.database.db, actor.workspaceId, caller.metadataVersion)
  return { db: services.database.db, actor, catalog, now: services.now }
}
