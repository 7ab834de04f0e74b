import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { appendEvents } from '../events/event-log.ts'
import { loadCatalog, type ObjectSchema } from '../metadata/object-catalog.ts'
import { changedFields } from '../records/change-set.ts'
import { nowOf, type RecordContext } from '../records/record-context.ts'
import { recordColumns, rowToRecord, valuesToColumns, type ApiRecord } from '../records/row-mapping.ts'

const everything = { create: true, read: true, update: true, delete: true, export: true, scope: 'all' as const }
const trusted = new WeakSet<RecordContext>()

/**
 * The caller's context with every permission, for the writes a domain action makes on the caller's
 * behalf (an approval decision moves the record's status even where the approver may not edit it).
 * Hooks that refuse generic writes (approvals) let these through.
 */
export function systemContext(ctx: RecordContext): RecordContext {
  const system: RecordContext = { ...ctx, actor: { ...ctx.actor, permissions: { '*': everything } } }
  trusted.add(system)
  return system
}

export const isSystemContext = (ctx: RecordContext) => trusted.has(ctx)

/** The context of a scheduled job in one workspace: nobody acting, every permission, the job's clock. */
export async function jobContext(trx: Db, workspaceId: string, clock: () => Date): Promise<RecordContext> {
  const ctx: RecordContext = {
    db: trx, catalog: await loadCatalog(trx, workspaceId), now: clock,
    actor: { workspaceId, userId: '', role: 'system', teamId: null, permissions: { '*': everything }, locale: 'zh-CN' },
  }
  trusted.add(ctx)
  return ctx
}

/**
 * Sets read-only, system-maintained fields of one record (a paid amount, a status): the columns, the
 * version, and an `updated` event with what changed, in the caller's transaction. Returns the record
 * after the write, or the unchanged record when nothing differs.
 */
export async function writeMaintainedFields(
  trx: Db, ctx: RecordContext, object: ObjectSchema, id: string, values: Record<string, unknown>, options: { event?: boolean } = {},
): Promise<ApiRecord | undefined> {
  const row = await trx.selectFrom(object.table).select(recordColumns(object))
    .where('workspace_id', '=', ctx.actor.workspaceId).where('id', '=', id).forUpdate().executeTakeFirst()
  if (!row) return undefined
  const before = rowToRecord(object, row)
  const changes = changedFields(object, before, values)
  if (Object.keys(changes).length === 0) return before
  const { columns } = valuesToColumns(object, Object.fromEntries(Object.keys(changes).map((name) => [name, values[name]])))
  const updated = await trx.updateTable(object.table)
    .set({ ...columns, version: sql`version + 1`, updated_at: nowOf(ctx) })
    .where('workspace_id', '=', ctx.actor.workspaceId).where('id', '=', id)
    .returning(recordColumns(object)).executeTakeFirstOrThrow()
  if (options.event !== false) {
    await appendEvents(trx, [{ workspaceId: ctx.actor.workspaceId, object: object.name, recordId: id, type: 'updated', changes, actorId: ctx.actor.userId || null }])
  }
  return rowToRecord(object, updated)
}
