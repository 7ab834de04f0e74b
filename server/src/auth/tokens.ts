import { createHash, randomBytes } from 'node:crypto'
import { isUuid } from '../metadata/field-types/reference-types.ts'

export const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url')

/** A secret that names its workspace (`<workspace id>.<secret>`), so lookups stay within one workspace. */
export function newToken(workspaceId: string, prefix = ''): string {
  return `${prefix}${workspaceId}.${randomBytes(32).toString('base64url')}`
}

export function workspaceOfToken(token: string, prefix = ''): string | undefined {
  if (!token.startsWith(prefix)) return undefined
  const [workspaceId, secret] = token.slice(prefix.length).split('.')
  if (!secret || !isUuid(workspaceId)) return undefined
  return workspaceId
}

export const API_KEY_PREFIX = 'rk_'
export const SESSION_COOKIE = 'rapport_session'
export const SESSION_DAYS = 30
