import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../access/actor.ts'
import type { Db } from '../db/database.ts'
import { AppError } from '../errors/app-error.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'

/** What happened, in the audit log: `export`, `import`, `merge`, `sign_in` … */
export interface AuditEntry {
  action: string
  object?: string
  details?: Record<string, unknown>
}

export interface AuditRecord {
  id: string
  actor_id: string | null
  action: string
  object: string | null
  details: Record<string, unknown>
  at: string
}

/** Appends one entry to the workspace's audit log. */
export async function writeAudit(db: Db, actor: Pick<Actor, 'workspaceId' | 'userId'>, entry: AuditEntry, at: Date): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      workspace_id: actor.workspaceId,
      id: uuidv7(),
      actor_id: actor.userId,
      action: entry.action,
      object: entry.object ?? null,
      details: JSON.stringify(entry.details ?? {}),
      at,
    })
    .execute()
}

export interface AuditQuery {
  action?: string
  limit: number
  /** The id of the last entry of the previous page (newest first). */
  before?: string
}

/** A page of the workspace's audit log, newest first, keyset-paged on the time-ordered id. */
export async function listAudit(db: Db, workspaceId: string, query: AuditQuery): Promise<{ data: AuditRecord[]; next_cursor: string | null }> {
  if (query.before !== undefined && !isUuid(query.before)) throw new AppError('VALIDATION_FAILED', [{ field: 'cursor', code: 'invalid_cursor' }])
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'actor_id', 'action', 'object', 'details', 'at'])
    .where('workspace_id', '=', workspaceId)
    .$if(query.action !== undefined, (q) => q.where('action', '=', query.action!))
    .$if(query.before !== undefined, (q) => q.where(sql<boolean>`id < ${query.before}`))
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute()
  const page = rows.slice(0, query.limit).map((row) => ({ ...row, at: (row.at as Date).toISOString() }) as AuditRecord)
  return { data: page, next_cursor: rows.length > query.limit ? page.at(-1)!.id : null }
}
