import { sql, type RawBuilder } from 'kysely'
import { assertCan } from '../access/record-access.ts'
import { AppError, type FieldError } from '../errors/app-error.ts'
import { fieldExpression, isListField } from '../metadata/field-sql.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import type { FieldDefinition, FieldType } from '../metadata/object-definition.ts'
import { searchCondition } from '../search/search-condition.ts'
import { parseFilters } from './list-filters.ts'
import { nowOf, type RecordContext } from './record-context.ts'
import { scopedSelect } from './scoped-query.ts'

/** Groups beyond this are left out (largest first): a board or a chart never shows more. */
export const MAX_GROUPS = 1000

const GROUPABLE: ReadonlySet<FieldType> = new Set(['single_select', 'boolean', 'user', 'relation', 'date', 'rating', 'text'])
const SUMMABLE: ReadonlySet<FieldType> = new Set(['number', 'currency', 'percent', 'rating'])
const COMPARABLE: ReadonlySet<FieldType> = new Set(['number', 'currency', 'percent', 'rating', 'date', 'datetime', 'text', 'auto_number'])

import type { AggregateResult, AggregateGroup, SumByCurrency } from './aggregate-types.ts'

export type { AggregateResult, AggregateGroup, SumByCurrency }

export interface AggregateOptions {
  filter?: unknown
  q?: string
  groupBy?: string
  sum?: string
  max?: string
}

function resolveField(object: ObjectSchema, param: string, name: string | undefined, allowed: ReadonlySet<FieldType>, refusal: string, errors: FieldError[]) {
  if (name === undefined) return undefined
  const field = object.field(name)
  if (!field) errors.push({ field: param, code: 'unknown_field', params: { field: name.slice(0, 63) } })
  else if (!allowed.has(field.type) || isListField(field)) errors.push({ field: param, code: refusal, params: { field: name } })
  else return field
  return undefined
}

/** A value as text in SQL, so both engines hand back the same shape (dates and uuids included). */
function asText(field: FieldDefinition, expr: RawBuilder<unknown>): RawBuilder<string | null> {
  if (field.type === 'datetime') return sql<string | null>`to_char((${expr}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
  return sql<string | null>`(${expr})::text`
}

/** The SQL expression of a money field's currency code. */
function currencyExpression(field: FieldDefinition): RawBuilder<string | null> {
  return field.custom ? sql<string | null>`(custom -> ${sql.lit(field.name)} ->> 'currency')` : sql<string | null>`${sql.ref(`${field.name}_currency`)}`
}

/** Text from SQL → the API's value of the field type. */
function fromText(field: FieldDefinition, text: string | null): unknown {
  if (text === null) return null
  if (field.type === 'boolean') return text === 'true'
  if (field.type === 'number' || field.type === 'percent' || field.type === 'rating' || field.type === 'auto_number') return Number(text)
  return text
}

/**
 * Count (and optionally sum, max, group) the records a list query would return: the same
 * filters, search and record scope, so a board's column totals match its cards.
 */
export async function aggregateRecords(ctx: RecordContext, object: ObjectSchema, options: AggregateOptions): Promise<AggregateResult> {
  assertCan(ctx.actor, object, 'read')
  const errors: FieldError[] = []
  const groupBy = resolveField(object, 'group_by', options.groupBy, GROUPABLE, 'not_groupable', errors)
  const sumField = resolveField(object, 'sum', options.sum, SUMMABLE, 'not_summable', errors)
  const maxField = resolveField(object, 'max', options.max, COMPARABLE, 'not_sortable', errors)
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)

  let base = scopedSelect(ctx, object)
  for (const condition of parseFilters(object, options.filter, nowOf(ctx))) base = base.where(condition)
  if (options.q !== undefined && options.q.trim() !== '') {
    const condition = searchCondition(ctx.actor.workspaceId, options.q)
    if (!condition) return { count: 0, ...(sumField && { sum: null }), ...(sumField?.type === 'currency' && { sum_by_currency: {} }), ...(maxField && { max: null }), ...(groupBy && { groups: [] }) }
    base = base.where(condition)
  }
  const sumExpr = sumField ? sql<string | null>`(sum(${fieldExpression(sumField)}))::text` : undefined
  const total = await base
    .select(sql<string>`count(*)::text`.as('count'))
    .$if(Boolean(sumExpr), (q) => q.select(sumExpr!.as('sum')))
    .$if(Boolean(maxField), (q) => q.select(asText(maxField!, sql`max(${fieldExpression(maxField!)})`).as('max')))
    .executeTakeFirstOrThrow()
  const result: AggregateResult = { count: Number(total.count) }
  if (sumField) result.sum = (total.sum as string | null) ?? null
  if (maxField) result.max = fromText(maxField, (total.max as string | null) ?? null)
  if (groupBy) {
    const value = asText(groupBy, fieldExpression(groupBy))
    const rows = await base
      .select(value.as('value'))
      .select(sql<string>`count(*)::text`.as('count'))
      .$if(Boolean(sumExpr), (q) => q.select(sumExpr!.as('sum')))
      .groupBy(sql`1`)
      .orderBy(sql`count(*) desc`)
      .orderBy(sql`1`)
      .limit(MAX_GROUPS)
      .execute()
    result.groups = rows.map((row) => ({
      value: fromText(groupBy, (row.value as string | null) ?? null),
      count: Number(row.count),
      ...(sumField && { sum: (row.sum as string | null) ?? null }),
    }))
  }
  if (sumField?.type === 'currency') await addCurrencyTotals(base, sumField, groupBy, result)
  return result
}

/** Per-currency sums of the total and of each group, read in one grouped query. */
async function addCurrencyTotals(base: ReturnType<typeof scopedSelect>, field: FieldDefinition, groupBy: FieldDefinition | undefined, result: AggregateResult) {
  const currency = currencyExpression(field)
  const rows = await base
    .select(groupBy ? asText(groupBy, fieldExpression(groupBy)).as('value') : sql<null>`null`.as('value'))
    .select(currency.as('currency'))
    .select(sql<string>`(sum(${fieldExpression(field)}))::text`.as('sum'))
    .where(sql<boolean>`${fieldExpression(field)} is not null`)
    .groupBy([sql`1`, sql`2`])
    .limit(MAX_GROUPS * 4)
    .execute()
  result.sum_by_currency = {}
  for (const group of result.groups ?? []) group.sum_by_currency = {}
  const byValue = new Map((result.groups ?? []).map((group) => [group.value === null ? null : String(group.value), group]))
  for (const row of rows) {
    const code = (row.currency as string | null) ?? 'CNY'
    const sum = row.sum as string
    result.sum_by_currency[code] = addDecimalText(result.sum_by_currency[code], sum)
    const group = groupBy ? byValue.get(row.value === null ? null : String(fromText(groupBy, row.value as string))) : undefined
    if (group) group.sum_by_currency![code] = addDecimalText(group.sum_by_currency![code], sum)
  }
}

/** Exact addition of two decimal strings of two places (money), without floating point. */
function addDecimalText(a: string | undefined, b: string): string {
  const cents = (text: string) => {
    const negative = text.startsWith('-')
    const [whole, fraction = ''] = text.replace('-', '').split('.')
    const value = BigInt(whole || '0') * 100n + BigInt((fraction + '00').slice(0, 2))
    return negative ? -value : value
  }
  const total = (a === undefined ? 0n : cents(a)) + cents(b)
  const abs = total < 0n ? -total : total
  return `${total < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`
}
