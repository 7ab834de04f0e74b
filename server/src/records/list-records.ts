import { sql } from 'kysely'
import { assertCan } from '../access/record-access.ts'
import { AppError } from '../errors/app-error.ts'
import { fieldExpression, indexKind, isListField } from '../metadata/field-sql.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import type { FieldDefinition } from '../metadata/object-definition.ts'
import { searchCondition } from '../search/search-condition.ts'
import { decodeCursor, encodeCursor, type Cursor } from './keyset-cursor.ts'
import { parseFilters } from './list-filters.ts'
import { nowOf, type RecordContext } from './record-context.ts'
import { narrowColumns, recordColumns, rowToRecord, type ApiRecord } from './row-mapping.ts'
import { scopedSelect, type RecordQuery } from './scoped-query.ts'
import { isValidSortValue } from './sort-value.ts'

export const MAX_PAGE_SIZE = 200

export interface ListOptions {
  filter?: unknown
  sort?: string
  cursor?: string
  limit?: number
  fields?: string[]
  q?: string
  /** List the recycle bin instead of live records. */
  deleted?: boolean
  /** Largest page allowed; internal walks (exports) read in bigger chunks than the API's 200. */
  maxLimit?: number
  /**
   * Records for display, as exports read them: only the columns of `fields` (less to fetch and parse
   * per row), and instants as epoch milliseconds for formatting (no ISO text made per row to be parsed
   * again, and a number keeps less alive between pages than a Date).
   */
  forDisplay?: boolean
}

export interface ListPage {
  data: ApiRecord[]
  next_cursor: string | null
}

function parseSort(object: ObjectSchema, sort: string): { field: FieldDefinition; descending: boolean } {
  const descending = sort.startsWith('-')
  const field = object.field(descending ? sort.slice(1) : sort)
  if (!field) throw new AppError('VALIDATION_FAILED', [{ field: 'sort', code: 'unknown_field' }])
  if (isListField(field) || (indexKind(field) === 'none' && field.name !== 'id')) {
    throw new AppError('VALIDATION_FAILED', [{ field: 'sort', code: 'not_sortable' }])
  }
  return { field, descending }
}

function selectedFields(object: ObjectSchema, names: string[] | undefined): FieldDefinition[] | undefined {
  if (!names) return undefined
  return names.map((name) => {
    const field = object.field(name)
    if (!field) throw new AppError('VALIDATION_FAILED', [{ field: 'fields', code: 'unknown_field', params: {} }])
    return field
  })
}

/**
 * One page of records, keyset-paginated on (sort field, id). Rows with no value in the sort field
 * come last ascending and first descending (PostgreSQL's order), fetched as their own segment so
 * that every segment is a range scan of the field's index.
 */
export async function listRecords(ctx: RecordContext, object: ObjectSchema, options: ListOptions): Promise<ListPage> {
  assertCan(ctx.actor, object, 'read')
  const limit = Math.min(Math.max(options.limit ?? 50, 1), options.maxLimit ?? MAX_PAGE_SIZE)
  const sortText = options.sort ?? object.defaultSort ?? '-created_at'
  const { field, descending } = parseSort(object, sortText)
  const fields = selectedFields(object, options.fields)
  const cursor = options.cursor ? decodeCursor(options.cursor, sortText, (value) => isValidSortValue(field, value)) : undefined
  let base = scopedSelect(ctx, object, { deleted: options.deleted })
  for (const condition of parseFilters(object, options.filter, nowOf(ctx))) base = base.where(condition)
  if (options.q !== undefined && options.q.trim() !== '') {
    const condition = searchCondition(ctx.actor.workspaceId, options.q)
    if (!condition) return { data: [], next_cursor: null }
    base = base.where(condition)
  }
  const expr = fieldExpression(field)
  const direction = descending ? sql.raw('desc') : sql.raw('asc')
  const page = (query: RecordQuery, byValue: boolean, take: number) =>
    query
      .select(options.forDisplay && fields ? narrowColumns(fields) : recordColumns(object))
      .select(sql<string | null>`(${expr})::text`.as('_sort'))
      .orderBy(byValue ? sql`${expr} ${direction}` : sql`id ${direction}`)
      .$if(byValue, (q) => q.orderBy(sql`id ${direction}`))
      .limit(take)
      .execute()

  let rows: Record<string, unknown>[] = []
  if (field.name === 'id') {
    const after = cursor ? base.where(sql<boolean>`id ${sql.raw(descending ? '<' : '>')} ${cursor.id}`) : base
    rows = await page(after, false, limit + 1)
  } else {
    const valued = base.where(sql<boolean>`${expr} is not null`)
    const nulls = base.where(sql<boolean>`${expr} is null`)
    const compare = sql.raw(descending ? '<' : '>')
    const segments: Array<() => Promise<Record<string, unknown>[]>> = []
    const valuedAfter = (c: Cursor | undefined) => (take: number) =>
      page(c && c.value !== null ? valued.where(sql<boolean>`(${expr}, id) ${compare} (${c.value}, ${c.id})`) : valued, true, take)
    // A column that is never null (created_at, updated_at) has no empty-value segment to ask for.
    const nullsAfter = (c: Cursor | undefined) => (take: number) =>
      field.notNull ? Promise.resolve([]) : page(c && c.value === null ? nulls.where(sql<boolean>`id ${compare} ${c.id}`) : nulls, false, take)
    const order = descending ? [nullsAfter, valuedAfter] : [valuedAfter, nullsAfter]
    // A cursor in the second segment skips the first one entirely.
    const inSecond = cursor && (descending ? cursor.value !== null : cursor.value === null)
    for (const [index, segment] of order.entries()) {
      if (inSecond && index === 0) continue
      segments.push(() => segment(cursor)(limit + 1 - rows.length))
    }
    for (const fetch of segments) {
      const fetched = await fetch()
      rows = rows.length === 0 ? fetched : rows.concat(fetched)
      if (rows.length > limit) break
    }
  }
  const hasMore = rows.length > limit
  if (hasMore) rows.length = limit
  const last = rows.at(-1)
  return {
    data: rows.map((row) => rowToRecord(object, row, fields, options.forDisplay)),
    next_cursor: hasMore && last ? encodeCursor({ sort: sortText, value: (last._sort as string | null) ?? null, id: last.id as string }) : null,
  }
}
