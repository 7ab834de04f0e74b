import { sql } from 'kysely'
import type { RecordContext } from '../records/record-context.ts'
import { rollupCount, rollupHasRows, rollupSum } from '../records/scoped-query.ts'
import type { ForecastParams } from './analytics-params.ts'
import { reportOpportunities } from './report-scope.ts'

export interface ForecastRow {
  bucket: number
  owner_id: string | null
  currency: string | null
  forecast_category: string | null
  count: string | number
  amount: string | null
  /** Σ amount × probability (percent): divided by 100 by the report, exactly. */
  weighted_percent: string | null
}

/**
 * The opportunities expected to close in the year, from the forecast rollup (one row per close
 * month): per month or quarter, owner, currency and forecast category, the amount and the
 * probability-weighted amount.
 */
export function forecastQuery(ctx: RecordContext, params: ForecastParams) {
  const bucket = params.period === 'month' ? sql<number>`extract(month from close_month)::int` : sql<number>`extract(quarter from close_month)::int`
  return reportOpportunities(ctx, 'forecast', params)
    .where('close_month', '>=', `${params.year}-01-01`)
    .where('close_month', '<', `${params.year + 1}-01-01`)
    .select([
      bucket.as('bucket'),
      'owner_id',
      sql<string | null>`amount_currency`.as('currency'),
      'forecast_category',
      rollupCount().as('count'),
      rollupSum('amount').as('amount'),
      rollupSum('weighted_percent').as('weighted_percent'),
    ])
    .groupBy([sql`1`, 'owner_id', 'amount_currency', 'forecast_category'])
    .having(rollupHasRows())
}
