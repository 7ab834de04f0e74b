import { createHash, randomBytes } from 'node:crypto'

export const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url')

/** A secret that names its workspace (`<workspace id>.<secret>`), so lookups stay within one workspace. */
export function newToken(workspaceId: string, prefix = ''): string {
  return `${prefix}${workspaceId}.${randomBytes(32).toString('base64url')}`
}

export function workspaceOfToken(token: string, prefix = ''): string | undefined {
  if (!token.startsWith(prefix)) return undefined
  const [workspaceId, secret] = token.slice(prefix.length).split('.')
  if (!secret || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(workspaceId)) return undefined
  return workspaceId
}

export const API_KEY_PREFIX = 'rk_'
export const SESSION_COOKIE = 'rapport_session'
export const SESSION_DAYS = 30
