import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../db/database.ts'
import { appendEvents } from '../events/event-log.ts'
import { fieldExpressionText } from '../metadata/field-sql.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import type { FieldDefinition } from '../metadata/object-definition.ts'
import { nowOf, type RecordContext } from '../records/record-context.ts'

/** One reference the merge re-pointed: enough to put it back on undo. */
export interface MovedReference {
  object: string
  field: string
  id: string
  /** The merged record it pointed at (a single link). */
  from?: string
  /** The whole list before the merge (a many-to-many link). */
  before?: string[]
}

interface Link { source: ObjectSchema; field: FieldDefinition; many: boolean }

/** Every field of every object that can point at a record of `target`, including the generic related_id. */
export function linksTo(ctx: RecordContext, target: ObjectSchema): Link[] {
  return ctx.catalog.objects.flatMap((source) => source.allFields
    .filter((field) => field.type === 'relation' && !field.system && (field.target === target.name || (field.target === '*' && source.field('related_object'))))
    .map((field) => ({ source, field, many: field.relationKind === 'many_to_many' })))
}

function linkCondition(link: Link, target: ObjectSchema, ids: string[]): RawBuilder<boolean> {
  const expression = sql.raw(fieldExpressionText(link.field))
  const generic = link.field.target === '*' ? sql`and related_object = ${target.name}` : sql``
  if (!link.many) return link.field.custom ? sql<boolean>`${expression}::text = any(${ids}::text[])` : sql<boolean>`${expression} = any(${ids}::uuid[]) ${generic}`
  return link.field.custom
    ? sql<boolean>`${expression} ?| ${ids}::text[]`
    : sql<boolean>`${expression} && ${ids}::uuid[]`
}

function newValue(link: Link, survivorId: string, mergedIds: string[]): RawBuilder<unknown> {
  const name = link.field.name
  if (!link.many) {
    return link.field.custom ? sql`jsonb_set(custom, ${`{${name}}`}::text[], to_jsonb(${survivorId}::text))` : sql`${survivorId}::uuid`
  }
  const merged = sql`array(select distinct case when v = any(${mergedIds}::text[]) then ${survivorId} else v end from unnest(${sql.raw(`"${name}"`)}::text[]) as v)`
  return link.field.custom
    ? sql`jsonb_set(custom, ${`{${name}}`}::text[], to_jsonb(array(select distinct case when v = any(${mergedIds}::text[]) then ${survivorId} else v end from jsonb_array_elements_text(custom -> ${name}) as v)))`
    : sql`${merged}::uuid[]`
}

const assignment = (link: Link) => sql.raw(link.field.custom ? 'custom' : `"${link.field.name}"`)

/**
 * Re-points every reference to the merged records at the survivor, in the caller's transaction,
 * across the whole workspace (recycle bin included), with an `updated` event per moved record.
 */
export async function moveReferences(trx: Db, ctx: RecordContext, target: ObjectSchema, survivorId: string, mergedIds: string[]): Promise<MovedReference[]> {
  const moved: MovedReference[] = []
  for (const link of linksTo(ctx, target)) {
    const table = sql.table(link.source.table)
    const objectFilter = link.source.custom ? sql`and object = ${link.source.name}` : sql``
    // Live rows and the recycle bin separately, so each side reads its own partial index.
    const rows = { rows: [] as { id: string; before: unknown }[] }
    for (const bin of [sql`deleted_at is null`, sql`deleted_at is not null`]) {
      const part = await sql<{ id: string; before: unknown }>`
        select id, ${sql.raw(fieldExpressionText(link.field))} as before from ${table}
        where workspace_id = ${ctx.actor.workspaceId} ${objectFilter} and ${bin} and ${linkCondition(link, target, mergedIds)}
        for update`.execute(trx)
      rows.rows.push(...part.rows)
    }
    if (rows.rows.length === 0) continue
    const ids = rows.rows.map((row) => row.id)
    await sql`
      update ${table} set ${assignment(link)} = ${newValue(link, survivorId, mergedIds)}, version = version + 1, updated_at = ${nowOf(ctx)}, updated_by = ${ctx.actor.userId}
      where workspace_id = ${ctx.actor.workspaceId} and id = any(${ids}::uuid[])`.execute(trx)
    for (const row of rows.rows) {
      moved.push(link.many
        ? { object: link.source.name, field: link.field.name, id: row.id, before: (row.before as string[]).map(String) }
        : { object: link.source.name, field: link.field.name, id: row.id, from: String(row.before) })
    }
    await appendEvents(trx, rows.rows.map((row) => ({
      workspaceId: ctx.actor.workspaceId, object: link.source.name, recordId: row.id, type: 'updated',
      changes: { [link.field.name]: { before: row.before, after: link.many ? null : survivorId } }, actorId: ctx.actor.userId,
    })))
  }
  return moved
}

/** Puts the references a merge moved back, where they still point at the survivor. */
export async function restoreReferences(trx: Db, ctx: RecordContext, moved: MovedReference[], survivorId: string): Promise<void> {
  for (const entry of moved) {
    const source = ctx.catalog.find(entry.object)
    const field = source?.field(entry.field)
    if (!source || !field) continue
    const table = sql.table(source.table)
    const expression = sql.raw(fieldExpressionText(field))
    const many = field.relationKind === 'many_to_many'
    const value = many
      ? (field.custom ? sql`jsonb_set(custom, ${`{${field.name}}`}::text[], ${JSON.stringify(entry.before ?? [])}::jsonb)` : sql`${entry.before ?? []}::uuid[]`)
      : (field.custom ? sql`jsonb_set(custom, ${`{${field.name}}`}::text[], to_jsonb(${entry.from}::text))` : sql`${entry.from}::uuid`)
    const stillThere = many ? sql`true` : sql`${expression}::text = ${survivorId}`
    const result = await sql`
      update ${table} set ${sql.raw(field.custom ? 'custom' : `"${field.name}"`)} = ${value}, version = version + 1, updated_at = ${nowOf(ctx)}, updated_by = ${ctx.actor.userId}
      where workspace_id = ${ctx.actor.workspaceId} and id = ${entry.id} and ${stillThere}`.execute(trx)
    if (Number(result.numAffectedRows ?? 0) > 0) {
      await appendEvents(trx, [{
        workspaceId: ctx.actor.workspaceId, object: source.name, recordId: entry.id, type: 'updated',
        changes: { [field.name]: { before: many ? null : survivorId, after: many ? entry.before : entry.from } }, actorId: ctx.actor.userId,
      }])
    }
  }
}
