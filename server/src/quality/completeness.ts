import { sql, type RawBuilder } from 'kysely'
import { assertCan } from '../access/record-access.ts'
import { AppError } from '../errors/app-error.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'
import { fieldExpression } from '../metadata/field-sql.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import { operatorSql } from '../records/filter-operators.ts'
import { parseFilters } from '../records/list-filters.ts'
import { nowOf, type RecordContext } from '../records/record-context.ts'
import { scopedSelect } from '../records/scoped-query.ts'
import { qualitySettingsOf } from './quality-settings.ts'

const MAX_GROUPS = 1000
export const COMPLETENESS_GROUPS = ['owner_id', 'team'] as const
export type CompletenessGroup = (typeof COMPLETENESS_GROUPS)[number]

interface ScoredField {
  name: string
  weight: number
  filled: RawBuilder<boolean>
}

async function scoredFields(ctx: RecordContext, object: ObjectSchema): Promise<ScoredField[]> {
  const { weights } = await qualitySettingsOf(ctx.db, ctx.actor.workspaceId, object)
  return Object.entries(weights).map(([name, weight]) => {
    const field = object.field(name)!
    return { name, weight, filled: operatorSql('is_not_empty', fieldExpression(field), [], field) }
  })
}

/** The 0–100 score of a row as SQL: filled weight over total weight (a score of nothing to fill is 100). */
function scoreSql(fields: ScoredField[]): RawBuilder<number> {
  const total = fields.reduce((sum, field) => sum + field.weight, 0)
  if (total === 0) return sql<number>`100`
  const parts = fields.map((field) => sql`(case when ${field.filled} then ${sql.lit(field.weight)} else 0 end)`)
  return sql<number>`(100.0 * (${sql.join(parts, sql` + `)}) / ${sql.lit(total)})`
}

/** One record's score and the fields it is missing, heaviest first. */
export async function recordCompleteness(ctx: RecordContext, object: ObjectSchema, id: string) {
  assertCan(ctx.actor, object, 'read')
  if (!isUuid(id)) throw new AppError('NOT_FOUND')
  const fields = await scoredFields(ctx, object)
  let query = scopedSelect(ctx, object).where(sql<boolean>`id = ${id.toLowerCase()}`).select(sql<string>`round(${scoreSql(fields)})::text`.as('score'))
  fields.forEach((field, index) => (query = query.select(sql<boolean>`(${field.filled})`.as(`f${index}`))))
  const row = await query.executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND')
  const missing = fields.filter((_, index) => !row[`f${index}`]).sort((a, b) => b.weight - a.weight)
  return {
    score: Number(row.score),
    missing: missing.map((field) => ({ field: field.name, weight: field.weight })),
    weights: Object.fromEntries(fields.map((field) => [field.name, field.weight])),
  }
}

/**
 * The 完整率 KPI: average score and record count over the caller's records (list filters apply),
 * overall with each field's fill count, and per owner or per owner's team.
 */
export async function completenessSummary(ctx: RecordContext, object: ObjectSchema, options: { groupBy?: CompletenessGroup; filter?: unknown }) {
  assertCan(ctx.actor, object, 'read')
  if (options.groupBy && !object.owned) throw new AppError('VALIDATION_FAILED', [{ field: 'group_by', code: 'not_groupable' }])
  const fields = await scoredFields(ctx, object)
  let base = scopedSelect(ctx, object)
  for (const condition of parseFilters(object, options.filter, nowOf(ctx))) base = base.where(condition)
  const average = sql<string | null>`round(avg(${scoreSql(fields)}), 1)::text`
  let totals = base.select(sql<string>`count(*)::text`.as('count')).select(average.as('score'))
  fields.forEach((field, index) => (totals = totals.select(sql<string>`count(*) filter (where ${field.filled})::text`.as(`f${index}`))))
  const total = await totals.executeTakeFirstOrThrow()
  const result = {
    count: Number(total.count),
    score: total.score === null ? null : Number(total.score),
    fields: fields.map((field, index) => ({ field: field.name, weight: field.weight, filled: Number(total[`f${index}`]) })),
    groups: undefined as Array<{ value: string | null; count: number; score: number }> | undefined,
  }
  if (options.groupBy) {
    const table = object.table
    const value = options.groupBy === 'owner_id'
      ? sql<string | null>`owner_id::text`
      : sql<string | null>`(select u.team_id::text from users u where u.workspace_id = ${sql.ref(`${table}.workspace_id`)} and u.id = ${sql.ref(`${table}.owner_id`)})`
    const rows = await base.select(value.as('value')).select(sql<string>`count(*)::text`.as('count')).select(average.as('score'))
      .groupBy(sql`1`).orderBy(sql`count(*) desc`).orderBy(sql`1`).limit(MAX_GROUPS).execute()
    result.groups = rows.map((row) => ({ value: (row.value as string | null) ?? null, count: Number(row.count), score: Number(row.score) }))
  }
  return result
}
