import { sql } from 'kysely'
import { valuesColumn } from '../metadata/rollup-schema.ts'
import type { RecordContext } from '../records/record-context.ts'
import { rollupCount, rollupHasRows, rollupSum, type RecordQuery } from '../records/scoped-query.ts'
import type { FunnelParams } from './analytics-params.ts'
import { periodParts } from './funnel-periods.ts'
import { reportOpportunities } from './report-scope.ts'

export interface FunnelRow {
  stage: string
  furthest_stage: string | null
  currency: string | null
  count: string | number
  amount: string | null
  closed: string | number
  cycle_seconds: string | null
}

const ROLLUP_COLUMNS = ['stage', 'furthest_stage', 'amount_currency', 'count', 'amount', valuesColumn('amount'), 'closed', 'cycle_seconds', valuesColumn('cycle_seconds')]

/**
 * The pipeline's opportunities created in the period (days of the workspace), from the funnel
 * rollups — whole months from the monthly one, the days around them from the daily one: per
 * current stage, furthest open stage reached and currency, how many, how much, and the time from
 * creation to close. The report derives counts, conversion, win rate and cycle from these groups.
 */
export function funnelQuery(ctx: RecordContext, params: FunnelParams & { pipelineId: string }) {
  const { months, days } = periodParts(params)
  const parts: RecordQuery[] = []
  if (months) {
    let monthly = reportOpportunities(ctx, 'funnel_monthly', params)
    if (months.from) monthly = monthly.where('created_month', '>=', months.from)
    if (months.to) monthly = monthly.where('created_month', '<=', months.to)
    parts.push(monthly.select(ROLLUP_COLUMNS))
  }
  if (days.length > 0) {
    const inDays = days.map((range) => sql<boolean>`created_on between ${range.from ?? '-infinity'}::date and ${range.to ?? 'infinity'}::date`)
    parts.push(reportOpportunities(ctx, 'funnel', params).where(sql<boolean>`(${sql.join(inDays, sql` or `)})`).select(ROLLUP_COLUMNS))
  }
  const rows = parts.reduce((all, part) => all.unionAll(part))
  return ctx.db.selectFrom(rows.as('part'))
    .select([
      'stage',
      'furthest_stage',
      sql<string | null>`amount_currency`.as('currency'),
      rollupCount().as('count'),
      rollupSum('amount').as('amount'),
      sql<string>`sum(closed)`.as('closed'),
      rollupSum('cycle_seconds').as('cycle_seconds'),
    ])
    .groupBy(['stage', 'furthest_stage', 'amount_currency'])
    .having(rollupHasRows())
}
