import { sql } from 'kysely'
import type { Actor } from '../access/actor.ts'
import type { RolePermissions } from '../access/roles.ts'
import type { Db } from '../db/database.ts'
import type { Locale } from '../i18n/translate.ts'
import { callerCache } from './caller-cache.ts'
import { sha256, workspaceOfToken, API_KEY_PREFIX } from './tokens.ts'

export interface Caller {
  actor: Actor
  metadataVersion: number
}

/** The active user with their role's permissions, or undefined. */
export async function loadActor(db: Db, workspaceId: string, userId: string, locale: Locale): Promise<Caller | undefined> {
  const row = await sql<{ role: string; team_id: string | null; permissions: RolePermissions; metadata_version: number }>`
    select u.role, u.team_id, r.permissions, w.metadata_version
    from users u
    join roles r on r.workspace_id = u.workspace_id and r.key = u.role
    join workspaces w on w.id = u.workspace_id
    where u.workspace_id = ${workspaceId} and u.id = ${userId} and u.deleted_at is null and u.active is not false`.execute(db)
  const found = row.rows[0]
  if (!found) return undefined
  return {
    actor: { workspaceId, userId, role: found.role, teamId: found.team_id, permissions: found.permissions, locale },
    metadataVersion: found.metadata_version,
  }
}

export const sessionCacheKey = (token: string) => `session:${sha256(token)}`
export const apiKeyCacheKey = (token: string) => `key:${sha256(token)}`

export async function callerFromSession(db: Db, token: string, locale: Locale, now: Date): Promise<Caller | undefined> {
  const workspaceId = workspaceOfToken(token)
  if (!workspaceId) return undefined
  const cacheKey = sessionCacheKey(token)
  const cached = callerCache.get(cacheKey, now.getTime())
  if (cached) return { ...cached, actor: { ...cached.actor, locale } }
  const session = await db
    .selectFrom('sessions')
    .select(['user_id', 'expires_at'])
    .where('workspace_id', '=', workspaceId)
    .where('token_hash', '=', sha256(token))
    .where('expires_at', '>', now)
    .executeTakeFirst()
  const caller = session ? await loadActor(db, workspaceId, session.user_id, locale) : undefined
  if (caller) callerCache.set(cacheKey, caller, now.getTime(), session!.expires_at)
  return caller
}

export async function callerFromApiKey(db: Db, token: string, locale: Locale, now: Date): Promise<Caller | undefined> {
  const workspaceId = workspaceOfToken(token, API_KEY_PREFIX)
  if (!workspaceId) return undefined
  const cacheKey = apiKeyCacheKey(token)
  const cached = callerCache.get(cacheKey, now.getTime())
  if (cached) return { ...cached, actor: { ...cached.actor, locale } }
  const key = await db
    .updateTable('api_keys')
    .set({ last_used_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('key_hash', '=', sha256(token))
    .where('revoked_at', 'is', null)
    .returning('user_id')
    .executeTakeFirst()
  const caller = key ? await loadActor(db, workspaceId, key.user_id, locale) : undefined
  if (caller) callerCache.set(cacheKey, caller, now.getTime())
  return caller
}
