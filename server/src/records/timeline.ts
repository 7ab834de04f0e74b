import { sql } from 'kysely'
import { can } from '../access/record-access.ts'
import { AppError } from '../errors/app-error.ts'
import { parseDateTime } from '../metadata/field-types/temporal-types.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import { getRecord } from './get-record.ts'
import { relatedEvents } from './related-timeline.ts'
import type { RecordContext } from './record-context.ts'
import { recordColumns, rowToRecord, type ApiRecord } from './row-mapping.ts'
import { scopedSelect } from './scoped-query.ts'

export type TimelineEntry =
  | { kind: 'activity'; at: string; activity: ApiRecord }
  | {
    kind: 'event'; at: string; type: string; changes: Record<string, { before: unknown; after: unknown }> | null; actor: { id: string; name: string } | null
    /** Set when the event happened to a duplicate that was merged into this record. */
    merged_from?: string
    /** Set when the event happened to a record pointing at this one (a deal or a contract of an account). */
    related?: { object: string; id: string; title: string | null }
  }

const MERGE_DEPTH = 5

/** The record and every record merged into it (and into those, a few levels deep), while the merge stands. */
async function withMergedIds(ctx: RecordContext, object: ObjectSchema, id: string): Promise<string[]> {
  const ids = [id]
  let frontier = [id]
  for (let depth = 0; depth < MERGE_DEPTH && frontier.length > 0; depth++) {
    const rows = await ctx.db.selectFrom('merges').select('merged_ids')
      .where('workspace_id', '=', ctx.actor.workspaceId).where('object', '=', object.name)
      .where('survivor_id', 'in', frontier).where('undone_at', 'is', null)
      .execute()
    frontier = rows.flatMap((row) => row.merged_ids as string[]).filter((merged) => !ids.includes(merged))
    ids.push(...frontier)
  }
  return ids
}

/**
 * What happened to a record, newest first: activities linked to it (through any relation to its
 * object, or the generic related_object/related_id link) and its field-change history, with the
 * history of duplicates merged into it and what happened to the records that point at it.
 */
export async function recordTimeline(ctx: RecordContext, object: ObjectSchema, id: string, options: { limit?: number; before?: string } = {}): Promise<{ data: TimelineEntry[] }> {
  await getRecord(ctx, object, id)
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200)
  const beforeText = options.before === undefined ? undefined : parseDateTime(options.before)
  if (options.before !== undefined && !beforeText) throw new AppError('VALIDATION_FAILED', [{ field: 'before', code: 'invalid_datetime' }])
  const before = beforeText ? new Date(beforeText) : undefined
  const entries: TimelineEntry[] = []

  const activities = ctx.catalog.find('activities')
  if (activities && can(ctx.actor, activities, 'read')) {
    const links = activities.allFields.filter((field) => field.type === 'relation' && field.target === object.name && field.name !== 'id')
    const linkConditions = links.map((field) => sql<boolean>`${sql.ref(field.name)} = ${id}`)
    linkConditions.push(sql<boolean>`(related_object = ${object.name} and related_id = ${id})`)
    for (const condition of linkConditions) {
      const rows = await scopedSelect(ctx, activities)
        .select(recordColumns(activities))
        .where(condition)
        .$if(Boolean(before), (q) => q.where('created_at', '<', before!))
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute()
      for (const row of rows) {
        if (entries.some((entry) => entry.kind === 'activity' && entry.activity.id === row.id)) continue
        entries.push({ kind: 'activity', at: (row.created_at as Date).toISOString(), activity: rowToRecord(activities, row) })
      }
    }
  }

  const recordIds = await withMergedIds(ctx, object, id)
  const events = await ctx.db
    .selectFrom('events as e')
    .leftJoin('users as u', (join) => join.onRef('u.workspace_id', '=', 'e.workspace_id').onRef('u.id', '=', 'e.actor_id'))
    .select(['e.record_id', 'e.type', 'e.changes', 'e.created_at', 'e.actor_id', 'u.name as actor_name'])
    .where('e.workspace_id', '=', ctx.actor.workspaceId)
    .where('e.object', '=', object.name)
    .where('e.record_id', 'in', recordIds)
    .$if(Boolean(before), (q) => q.where('e.created_at', '<', before!))
    .orderBy('e.created_at', 'desc')
    .limit(limit)
    .execute()
  for (const event of events) {
    entries.push({
      kind: 'event',
      at: (event.created_at as Date).toISOString(),
      type: event.type,
      changes: event.changes,
      actor: event.actor_id ? { id: event.actor_id, name: event.actor_name ?? '' } : null,
      ...(event.record_id !== id && { merged_from: event.record_id as string }),
    })
  }
  for (const event of await relatedEvents(ctx, object, id, { limit, before })) {
    entries.push({ kind: 'event', at: event.at.toISOString(), type: event.type, changes: event.changes, actor: event.actor, related: event.related })
  }
  entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
  return { data: entries.slice(0, limit) }
}
