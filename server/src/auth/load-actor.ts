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
export const apiKeyCacheKeyOfHash = (keyHash: string) => `key:${keyHash}`

/** The caller a credential names: from the cache, else found by `lookup` and remembered. */
async function cachedCaller(
  db: Db,
  cacheKey: string,
  workspaceId: string,
  locale: Locale,
  now: Date,
  lookup: () => Promise<{ userId: string; notAfter?: Date } | undefined>,
): Promise<Caller | undefined> {
  const cached = callerCache.get(cacheKey, now.getTime())
  if (cached) return { ...cached, actor: { ...cached.actor, locale } }
  const found = await lookup()
  const caller = found ? await loadActor(db, workspaceId, found.userId, locale) : undefined
  if (caller) callerCache.set(cacheKey, caller, now.getTime(), found!.notAfter)
  return caller
}

export async function callerFromSession(db: Db, token: string, locale: Locale, now: Date): Promise<Caller | undefined> {
  const workspaceId = workspaceOfToken(token)
  if (!workspaceId) return undefined
  return cachedCaller(db, sessionCacheKey(token), workspaceId, locale, now, async () => {
    const session = await db
      .selectFrom('sessions')
      .select(['user_id', 'expires_at'])
      .where('workspace_id', '=', workspaceId)
      .where('token_hash', '=', sha256(token))
      .where('expires_at', '>', now)
      .executeTakeFirst()
    return session && { userId: session.user_id, notAfter: session.expires_at }
  })
}

export async function callerFromApiKey(db: Db, token: string, locale: Locale, now: Date): Promise<Caller | undefined> {
  const workspaceId = workspaceOfToken(token, API_KEY_PREFIX)
  if (!workspaceId) return undefined
  const keyHash = sha256(token)
  return cachedCaller(db, apiKeyCacheKeyOfHash(keyHash), workspaceId, locale, now, async () => {
    const key = await db
      .updateTable('api_keys')
      .set({ last_used_at: now })
      .where('workspace_id', '=', workspaceId)
      .where('key_hash', '=', keyHash)
      .where('revoked_at', 'is', null)
      .returning('user_id')
      .executeTakeFirst()
    return key && { userId: key.user_id }
  })
}
