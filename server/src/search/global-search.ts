import { sql, type RawBuilder } from 'kysely'
import { can } from '../access/record-access.ts'
import type { Locale } from '../i18n/translate.ts'
import { fieldExpression } from '../metadata/field-sql.ts'
import type { RecordContext } from '../records/record-context.ts'
import { scopedSelect } from '../records/scoped-query.ts'
import { searchCondition } from './search-condition.ts'
import { buildSearchQuery } from './search-document.ts'
import type { SearchGroup, SearchHit } from './search-types.ts'

export type { SearchGroup, SearchHit }

/**
 * Finds records across every object the caller may read, through each object's search index and
 * the caller's record scope, in one statement (one round trip); grouped by object, exact and
 * prefix title matches first.
 */
export async function searchAll(ctx: RecordContext, q: string, options: { limit?: number; locale: Locale; objects?: string[] }): Promise<SearchGroup[]> {
  const query = buildSearchQuery(q)
  const condition = searchCondition(ctx.actor.workspaceId, q)
  if (!query || !condition) return []
  const limit = Math.min(Math.max(options.limit ?? 5, 1), 50)
  const objects = ctx.catalog.objects.filter((object) =>
    (!options.objects || options.objects.includes(object.name)) &&
    object.allFields.some((field) => field.searchable) &&
    object.field(object.titleField) &&
    can(ctx.actor, object, 'read'))
  if (objects.length === 0) return []
  const parts: RawBuilder<unknown>[] = objects.map((object) => {
    const title = object.field(object.titleField)!
    const subtitleField = object.allFields.find((field) => field.searchable && field.name !== object.titleField)
    const subtitle = subtitleField ? sql`(${fieldExpression(subtitleField)})::text` : sql`null::text`
    // Over-fetch a little per object, then rank in memory.
    const select = scopedSelect(ctx, object)
      .select([sql.lit(object.name).as('object'), 'id', sql`(${fieldExpression(title)})::text`.as('title'), subtitle.as('subtitle')])
      .where(condition)
      .limit(limit * 4)
    return sql`(${select})`
  })
  const rows = (await sql<{ object: string; id: string; title: string | null; subtitle: string | null }>`${sql.join(parts, sql` union all `)}`.execute(ctx.db)).rows
  const needle = query.needle
  const rank = (hit: SearchHit) => {
    const text = hit.title.toLowerCase()
    return text === needle ? 0 : text.startsWith(needle) ? 1 : text.includes(needle) ? 2 : 3
  }
  const groups: SearchGroup[] = []
  for (const object of objects) {
    const hits = rows.filter((row) => row.object === object.name).map((row) => ({ id: row.id, title: row.title ?? '', subtitle: row.subtitle }))
    if (hits.length === 0) continue
    hits.sort((a, b) => rank(a) - rank(b) || a.title.length - b.title.length)
    groups.push({ object: object.name, label: object.pluralLabel[options.locale], records: hits.slice(0, limit) })
  }
  return groups
}
