import { sql, type SelectQueryBuilder } from 'kysely'
import { scopeCondition } from '../access/record-access.ts'
import type { Db } from '../db/database.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import type { RecordContext } from './record-context.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RecordQuery = SelectQueryBuilder<any, any, any>

/**
 * The one place that decides which rows of an object a caller reaches: the workspace, the object
 * (custom objects share a table), the recycle bin, and the caller's record scope.
 * Every read and write of records starts here; `write` keeps to the owner scope (no shared records).
 */
export function scopedSelect(ctx: RecordContext, object: ObjectSchema, options: { deleted?: boolean; db?: Db; write?: boolean } = {}): RecordQuery {
  let query: RecordQuery = (options.db ?? ctx.db).selectFrom(object.table).where('workspace_id', '=', ctx.actor.workspaceId)
  if (object.custom) query = query.where('object', '=', object.name)
  query = query.where('deleted_at', options.deleted ? 'is not' : 'is', null)
  const scope = scopeCondition(ctx.actor, object, options.write ? 'write' : 'read')
  if (scope) query = query.where(scope)
  return query
}

/** Condition on the record key, for updates that follow a scoped read. */
export const keyCondition = (ctx: RecordContext, id: string) => sql<boolean>`workspace_id = ${ctx.actor.workspaceId} and id = ${id}`
