import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { AppError } from '../errors/app-error.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'
import { activeUser } from './assignment-pick.ts'

/** What a workspace does with a lead no rule takes, kept in `workspaces.settings.lead_assignment`. */
export interface AssignmentSettings {
  /** Gets every unowned lead no rule takes; null leaves such leads unowned (administrators see them). */
  fallback_owner_id: string | null
}

export async function readAssignmentSettings(db: Db, workspaceId: string): Promise<AssignmentSettings> {
  const row = await sql<{ stored: { fallback_owner_id?: unknown } | null }>`
    select settings -> 'lead_assignment' as stored from workspaces where id = ${workspaceId}`.execute(db)
  const fallback = row.rows[0]?.stored?.fallback_owner_id
  return { fallback_owner_id: isUuid(fallback) ? fallback : null }
}

/** Checks a change (only `fallback_owner_id`, an active member or null) and stores it. */
export async function writeAssignmentSettings(trx: Db, workspaceId: string, input: unknown): Promise<AssignmentSettings> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'expected_object' }])
  const unknown = Object.keys(input).find((key) => key !== 'fallback_owner_id')
  if (unknown) throw new AppError('VALIDATION_FAILED', [{ field: unknown.slice(0, 100), code: 'unknown_field' }])
  const owner = (input as Record<string, unknown>).fallback_owner_id
  if (owner !== null && owner !== undefined) {
    if (!isUuid(owner)) throw new AppError('VALIDATION_FAILED', [{ field: 'fallback_owner_id', code: 'invalid_id' }])
    if (!(await activeUser(trx, workspaceId, owner))) throw new AppError('VALIDATION_FAILED', [{ field: 'fallback_owner_id', code: 'not_found' }])
  }
  const settings: AssignmentSettings = { fallback_owner_id: (owner as string | null | undefined)?.toLowerCase() ?? null }
  await sql`
    update workspaces set settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{lead_assignment}', ${JSON.stringify(settings)}::jsonb)
    where id = ${workspaceId}`.execute(trx)
  return settings
}
