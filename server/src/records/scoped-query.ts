import { sql, type SelectQueryBuilder } from 'kysely'
import { scopeCondition } from '../access/record-access.ts'
import type { Db } from '../db/database.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import { rollupTable, valuesColumn } from '../metadata/rollup-schema.ts'
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

/**
 * A rollup of the object (metadata/rollup-schema.ts) under the same rules: the workspace and the
 * caller's record scope, which a rollup can follow only through its owner_id dimension.
 */
export function scopedRollup(ctx: RecordContext, object: ObjectSchema, name: string): RecordQuery {
  const rollup = object.rollups?.find((candidate) => candidate.name === name)
  if (!rollup) throw new Error(`${object.name} has no rollup ${name}`)
  const scope = scopeCondition(ctx.actor, object, 'read')
  const byOwner = rollup.dimensions.some((dimension) => dimension.name === 'owner_id') && !object.sharedFlag && !object.poolWhenUnowned
  if (scope && !byOwner) throw new Error(`the rollup ${object.name}.${name} cannot follow the record scope`)
  let query: RecordQuery = ctx.db.selectFrom(rollupTable(object, rollup)).where('workspace_id', '=', ctx.actor.workspaceId)
  if (scope) query = query.where(scope)
  return query
}

/** A rollup's row count and measures, summed over the rows a query groups: a sum over no values is null, as in SQL. */
export const rollupCount = () => sql<string>`sum(count)`
export const rollupSum = (measure: string) => sql<string | null>`case when sum(${sql.ref(valuesColumn(measure))}) = 0 then null else sum(${sql.ref(measure)}) end`
/** Leaves out groups whose rows all went (a rollup keeps a combination once its count is back to 0). */
export const rollupHasRows = () => sql<boolean>`sum(count) <> 0`
