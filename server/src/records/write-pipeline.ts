import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { assertCan } from '../access/record-access.ts'
import { AppError } from '../errors/app-error.ts'
import type { Db } from '../db/database.ts'
import { appendEvents } from '../events/event-log.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import { changedFields } from './change-set.ts'
import { nowOf, type RecordContext } from './record-context.ts'
import { hooksFor, splitExtraInputs, type WriteChange } from './record-hooks.ts'
import { insertRows } from './insert-rows.ts'
import { checkInput } from './record-input.ts'
import { checkReferences } from './reference-check.ts'
import { recordColumns, rowToRecord, valuesToColumns, type ApiRecord } from './row-mapping.ts'
import { scopedSelect } from './scoped-query.ts'
import { searchDocumentOf } from './search-fields.ts'
import '../domain-hooks.ts'

/** Who writes: the signed-in user, or nobody for the system's own jobs (an expiry, a reminder). */
const actorOf = (ctx: RecordContext) => ctx.actor.userId || null

async function nextNumbers(trx: Db, workspaceId: string, name: string, count: number): Promise<number> {
  const row = await sql<{ value: number }>`
    insert into counters (workspace_id, name, value) values (${workspaceId}, ${name}, ${count})
    on conflict (workspace_id, name) do update set value = counters.value + ${count}
    returning value`.execute(trx)
  return Number(row.rows[0].value) - count + 1
}

async function runHooks(phase: 'beforeWrite' | 'afterWrite', trx: Db, ctx: RecordContext, change: WriteChange, record?: ApiRecord) {
  for (const hooks of hooksFor(change.object.name)) {
    if (phase === 'beforeWrite') await hooks.beforeWrite?.(trx, ctx, change)
    else await hooks.afterWrite?.(trx, ctx, change, record!)
  }
}

/**
 * Creates records, all or none, in one transaction: access → validate → references → before hooks
 * → insert → events → after hooks. Errors name the field as `create[i].field` when `bulk`. With
 * `returnRecords: false` (an import) the stored rows are not read back and none are returned.
 */
export async function createRecords(
  ctx: RecordContext,
  object: ObjectSchema,
  inputs: unknown[],
  options: { bulk?: boolean; trx?: Db; presetIds?: string[]; returnRecords?: boolean } = {},
): Promise<ApiRecord[]> {
  assertCan(ctx.actor, object, 'create')
  const errors: AppError['fields'] = []
  const changes: WriteChange[] = []
  inputs.forEach((raw, index) => {
    const prefix = options.bulk ? `create[${index}].` : ''
    const { input, extra } = splitExtraInputs(object.name, raw)
    try {
      const values = checkInput(object, input, 'create', prefix)
      if (object.owned && values.owner_id === undefined) values.owner_id = actorOf(ctx)
      changes.push({ object, op: 'create', id: options.presetIds?.[index] ?? uuidv7(), values, extra, privateColumns: {}, pathPrefix: prefix })
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      errors.push(...error.fields)
    }
  })
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
  const run = async (trx: Db) => {
    await checkReferences(trx, ctx, object, changes.map((change, index) => ({ prefix: options.bulk ? `create[${index}].` : '', values: change.values })))
    for (const field of object.fields.filter((f) => f.type === 'auto_number')) {
      const first = await nextNumbers(trx, ctx.actor.workspaceId, `${object.name}.${field.name}`, changes.length)
      changes.forEach((change, index) => (change.values[field.name] = first + index))
    }
    for (const change of changes) await runHooks('beforeWrite', trx, ctx, change)
    const now = nowOf(ctx)
    const rows = changes.map((change) => {
      const { columns, custom } = valuesToColumns(object, change.values, { jsonAsText: false })
      const search = searchDocumentOf(object, change.values)
      // A literal filled by Object.assign, not `{ ...columns, id, … }`: on Node 20's V8 a spread followed
      // by more properties gives each row its own hidden class in the old generation (~1 KB per row of an
      // import, collected only by full GCs). Columns never name these system columns (read-only fields).
      const row: Record<string, unknown> = {
        workspace_id: ctx.actor.workspaceId,
        id: change.id,
        created_at: now,
        updated_at: now,
        created_by: actorOf(ctx),
        updated_by: actorOf(ctx),
        version: 1,
        custom,
        search_text: search.text,
        search_tokens: search.tokens,
      }
      if (object.custom) row.object = object.name
      return Object.assign(row, columns, change.privateColumns)
    })
    // An import does not read the stored rows back: its after-write hooks see the rows as written.
    const readBack = options.returnRecords !== false
    const inserted = await insertRows(trx, object.table, rows, readBack ? recordColumns(object) : undefined)
    const records = (readBack ? inserted : rows).map((row) => rowToRecord(object, row))
    await appendEvents(trx, changes.map((change) => ({
      workspaceId: ctx.actor.workspaceId,
      object: object.name,
      recordId: change.id,
      type: 'created',
      changes: changedFields(object, undefined, change.values),
      actorId: actorOf(ctx),
    })))
    for (const [index, change] of changes.entries()) await runHooks('afterWrite', trx, ctx, change, records[index])
    return readBack ? records : []
  }
  return options.trx ? run(options.trx) : ctx.db.transaction().execute(run)
}

async function lockRecord(trx: Db, ctx: RecordContext, object: ObjectSchema, id: string, deleted = false) {
  if (!isUuid(id)) throw new AppError('NOT_FOUND')
  const row = await scopedSelect(ctx, object, { db: trx, deleted, write: true }).select(recordColumns(object)).where('id', '=', id).forUpdate().executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND')
  return row as Record<string, unknown>
}

function checkVersion(row: Record<string, unknown>, expectedVersion: number | undefined) {
  if (expectedVersion !== undefined && Number(row.version) !== expectedVersion) throw new AppError('PRECONDITION_FAILED')
}

export interface UpdateInput {
  id: string
  input: unknown
  expectedVersion?: number
  prefix?: string
}

/** Updates records (all or none): only fields that really change are written and logged. */
export async function updateRecords(ctx: RecordContext, object: ObjectSchema, updates: UpdateInput[], options: { trx?: Db } = {}): Promise<ApiRecord[]> {
  assertCan(ctx.actor, object, 'update')
  const prepared = updates.map((update) => {
    const { input, extra } = splitExtraInputs(object.name, update.input)
    return { update, extra, values: checkInput(object, input, 'update', update.prefix ?? '') }
  })
  const run = async (trx: Db) => {
    const results: ApiRecord[] = []
    for (const { update, extra, values } of prepared) {
      const row = await lockRecord(trx, ctx, object, update.id)
      checkVersion(row, update.expectedVersion)
      const before = rowToRecord(object, row)
      const changes = changedFields(object, before, values)
      const change: WriteChange = { object, op: 'update', id: update.id, values: Object.fromEntries(Object.keys(changes).map((name) => [name, values[name]])), before, extra, privateColumns: {}, pathPrefix: update.prefix ?? '' }
      await checkReferences(trx, ctx, object, [{ prefix: update.prefix ?? '', values: change.values }])
      await runHooks('beforeWrite', trx, ctx, change)
      if (Object.keys(change.values).length === 0 && Object.keys(change.privateColumns).length === 0) {
        results.push(before)
        continue
      }
      const { columns, custom } = valuesToColumns(object, change.values)
      const search = searchDocumentOf(object, { ...before, ...change.values })
      const updated = await trx
        .updateTable(object.table)
        .set({
          ...columns,
          ...change.privateColumns,
          custom: sql`custom || ${JSON.stringify(custom)}::jsonb`,
          version: sql`version + 1`,
          updated_at: nowOf(ctx),
          updated_by: actorOf(ctx),
          search_text: search.text,
          search_tokens: search.tokens,
        })
        .where('workspace_id', '=', ctx.actor.workspaceId)
        .where('id', '=', update.id)
        .returning(recordColumns(object))
        .executeTakeFirstOrThrow()
      const record = rowToRecord(object, updated)
      if (Object.keys(changes).length > 0) {
        await appendEvents(trx, [{ workspaceId: ctx.actor.workspaceId, object: object.name, recordId: update.id, type: 'updated', changes, actorId: actorOf(ctx) }])
      }
      await runHooks('afterWrite', trx, ctx, change, record)
      results.push(record)
    }
    return results
  }
  return options.trx ? run(options.trx) : ctx.db.transaction().execute(run)
}

/** Moves a record to the recycle bin (delete) or back (restore). */
export async function setDeleted(
  ctx: RecordContext, object: ObjectSchema, id: string, deleted: boolean, expectedVersion?: number, options: { trx?: Db } = {},
): Promise<ApiRecord> {
  assertCan(ctx.actor, object, 'delete')
  const run = async (trx: Db) => {
    const row = await lockRecord(trx, ctx, object, id, !deleted)
    checkVersion(row, expectedVersion)
    const before = rowToRecord(object, row)
    const change: WriteChange = { object, op: deleted ? 'delete' : 'restore', id, values: {}, before, extra: {}, privateColumns: {}, pathPrefix: '' }
    await runHooks('beforeWrite', trx, ctx, change)
    const updated = await trx
      .updateTable(object.table)
      .set({ deleted_at: deleted ? nowOf(ctx) : null, version: sql`version + 1`, updated_at: nowOf(ctx), updated_by: actorOf(ctx) })
      .where('workspace_id', '=', ctx.actor.workspaceId)
      .where('id', '=', id)
      .returning(recordColumns(object))
      .executeTakeFirstOrThrow()
    const record = rowToRecord(object, updated)
    await appendEvents(trx, [{ workspaceId: ctx.actor.workspaceId, object: object.name, recordId: id, type: deleted ? 'deleted' : 'restored', changes: null, actorId: actorOf(ctx) }])
    await runHooks('afterWrite', trx, ctx, change, record)
    return record
  }
  return options.trx ? run(options.trx) : ctx.db.transaction().execute(run)
}

/**
 * Moves many records to the recycle bin in one statement (all or none): those of `ids` the caller may
 * write and that are not deleted already; the rest are skipped. Hooks and events as for one record.
 */
export async function deleteRecords(ctx: RecordContext, object: ObjectSchema, ids: string[], options: { trx?: Db } = {}): Promise<ApiRecord[]> {
  assertCan(ctx.actor, object, 'delete')
  const run = async (trx: Db) => {
    const valid = ids.filter(isUuid)
    if (valid.length === 0) return []
    const rows = await scopedSelect(ctx, object, { db: trx, write: true }).select(recordColumns(object)).where('id', 'in', valid).forUpdate().execute()
    const changes: WriteChange[] = rows.map((row) => ({ object, op: 'delete', id: row.id as string, values: {}, before: rowToRecord(object, row), extra: {}, privateColumns: {}, pathPrefix: '' }))
    if (changes.length === 0) return []
    for (const change of changes) await runHooks('beforeWrite', trx, ctx, change)
    const updated = await trx
      .updateTable(object.table)
      .set({ deleted_at: nowOf(ctx), version: sql`version + 1`, updated_at: nowOf(ctx), updated_by: actorOf(ctx) })
      .where('workspace_id', '=', ctx.actor.workspaceId)
      .where('id', 'in', changes.map((change) => change.id))
      .returning(recordColumns(object))
      .execute()
    const records = new Map(updated.map((row) => [row.id as string, rowToRecord(object, row)]))
    await appendEvents(trx, changes.map((change) => ({ workspaceId: ctx.actor.workspaceId, object: object.name, recordId: change.id, type: 'deleted', changes: null, actorId: actorOf(ctx) })))
    for (const change of changes) await runHooks('afterWrite', trx, ctx, change, records.get(change.id)!)
    return changes.map((change) => records.get(change.id)!)
  }
  return options.trx ? run(options.trx) : ctx.db.transaction().execute(run)
}
