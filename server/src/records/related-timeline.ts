import { sql } from 'kysely'
import { can } from '../access/record-access.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import { fieldExpression } from '../metadata/field-sql.ts'
import type { RecordContext } from './record-context.ts'
import { scopedSelect } from './scoped-query.ts'

/** What happened to a record that points at the timeline's record (a deal, quote, contract or payment of an account). */
export interface RelatedEvent {
  at: Date
  type: string
  changes: Record<string, { before: unknown; after: unknown }> | null
  actor: { id: string; name: string } | null
  related: { object: string; id: string; title: string | null }
}

// Activities have timeline entries of their own.
const ACTIVITIES = 'activities'

/** An update tells the story when a status or stage moved; other field edits of a related record stay on its own page. */
function storyOf(object: ObjectSchema, type: string, changes: RelatedEvent['changes']): RelatedEvent['changes'] | undefined {
  if (type !== 'updated') return changes
  const moves = Object.entries(changes ?? {}).filter(([name]) => object.field(name)?.type === 'single_select')
  return moves.length > 0 ? Object.fromEntries(moves) : undefined
}

/** A record's name on the timeline: its title, else its amount (a payment with no reference reads "20000.00 CNY"). */
function titleOf(object: ObjectSchema) {
  const title = object.field(object.titleField)
  const money = object.fields.find((field) => field.type === 'currency' && !field.custom)
  const parts = [
    ...(title ? [sql`nullif(${fieldExpression(title)}::text, '')`] : []),
    ...(money ? [sql`${sql.ref(money.name)}::text || ' ' || ${sql.ref(`${money.name}_currency`)}`] : []),
  ]
  return parts.length > 0 ? sql<string | null>`coalesce(${sql.join(parts)})` : sql<string | null>`null`
}

/**
 * Events of the records that point at `id` through a many-to-one relation (only those the caller may
 * read): their creation, deletion, status or stage moves and domain events (approved, paid …), newest first.
 */
export async function relatedEvents(ctx: RecordContext, object: ObjectSchema, id: string, options: { limit: number; before?: Date }): Promise<RelatedEvent[]> {
  const found: RelatedEvent[] = []
  for (const related of ctx.catalog.objects) {
    if (related.name === ACTIVITIES || related.name === object.name || !can(ctx.actor, related, 'read')) continue
    const links = related.fields.filter((field) => field.type === 'relation' && field.target === object.name && field.relationKind !== 'many_to_many')
    if (links.length === 0) continue
    const records = scopedSelect(ctx, related)
      .select(['id', titleOf(related).as('title')])
      .where((eb) => eb.or(links.map((field) => eb(fieldExpression(field), '=', id))))
    const rows = await ctx.db
      .with('linked', () => records)
      .selectFrom('events as e')
      .innerJoin('linked', 'linked.id', 'e.record_id')
      .leftJoin('users as u', (join) => join.onRef('u.workspace_id', '=', 'e.workspace_id').onRef('u.id', '=', 'e.actor_id'))
      .select(['e.record_id', 'e.type', 'e.changes', 'e.created_at', 'e.actor_id', 'u.name as actor_name', 'linked.title'])
      .where('e.workspace_id', '=', ctx.actor.workspaceId)
      .where('e.object', '=', related.name)
      .$if(Boolean(options.before), (q) => q.where('e.created_at', '<', options.before!))
      .orderBy('e.created_at', 'desc')
      .limit(options.limit)
      .execute()
    for (const row of rows) {
      const changes = storyOf(related, row.type, row.changes)
      if (changes === undefined) continue
      found.push({
        at: row.created_at as Date,
        type: row.type,
        changes: row.type === 'created' ? null : changes,
        actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
        related: { object: related.name, id: row.record_id as string, title: row.title },
      })
    }
  }
  return found
}
