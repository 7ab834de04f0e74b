import { can } from '../access/record-access.ts'
import type { Locale } from '../i18n/translate.ts'
import { fieldExpression } from '../metadata/field-sql.ts'
import type { RecordContext } from '../records/record-context.ts'
import { fieldValue } from '../records/row-mapping.ts'
import { scopedSelect } from '../records/scoped-query.ts'
import { searchCondition } from './search-condition.ts'
import { buildSearchQuery } from './search-document.ts'

export interface SearchHit {
  id: string
  title: string
  subtitle: string | null
}

export interface SearchGroup {
  object: string
  label: string
  records: SearchHit[]
}

/**
 * Finds records across every object the caller may read, through each object's search index and
 * the caller's record scope; results grouped by object, best (shortest) titles first.
 */
export async function searchAll(ctx: RecordContext, q: string, options: { limit?: number; locale: Locale; objects?: string[] }): Promise<SearchGroup[]> {
  const query = buildSearchQuery(q)
  const condition = searchCondition(ctx.actor.workspaceId, q)
  if (!query || !condition) return []
  const limit = Math.min(Math.max(options.limit ?? 5, 1), 50)
  const groups: SearchGroup[] = []
  for (const object of ctx.catalog.objects) {
    if (options.objects && !options.objects.includes(object.name)) continue
    if (!object.allFields.some((field) => field.searchable) || !can(ctx.actor, object, 'read')) continue
    const title = object.field(object.titleField)
    const subtitleField = object.allFields.find((field) => field.searchable && field.name !== object.titleField)
    if (!title) continue
    const rows = await scopedSelect(ctx, object)
      .select(['id', 'custom'])
      .select(fieldExpression(title).as(title.name))
      .$if(Boolean(subtitleField), (q2) => q2.select(fieldExpression(subtitleField!).as(subtitleField!.name)))
      .where(condition)
      // Over-fetch a little, then rank exact and prefix title matches first.
      .limit(limit * 4)
      .execute()
    if (rows.length === 0) continue
    const hits = rows.map((row) => ({
      id: row.id as string,
      title: String(fieldValue(row, { ...title, custom: false }) ?? ''),
      subtitle: subtitleField ? ((fieldValue(row, { ...subtitleField, custom: false }) as string | null) ?? null) : null,
    }))
    const needle = query.needle
    const rank = (hit: SearchHit) => {
      const text = hit.title.toLowerCase()
      return text === needle ? 0 : text.startsWith(needle) ? 1 : text.includes(needle) ? 2 : 3
    }
    hits.sort((a, b) => rank(a) - rank(b) || a.title.length - b.title.length)
    groups.push({ object: object.name, label: object.pluralLabel[options.locale], records: hits.slice(0, limit) })
  }
  return groups
}
