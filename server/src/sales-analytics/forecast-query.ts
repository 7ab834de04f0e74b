import { sql } from 'kysely'
import type { RecordContext } from '../records/record-context.ts'
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
 * One pass over the opportunities expected to close in the year (the `forecast` index): per month
 * or quarter, owner, currency and forecast category, the amount and the probability-weighted amount.
 */
export function forecastQuery(ctx: RecordContext, params: ForecastParams) {
  const bucket = params.period === 'month' ? sql<number>`extract(month from expected_close_date)::int` : sql<number>`extract(quarter from expected_close_date)::int`
  return reportOpportunities(ctx, params)
    .where('expected_close_date', '>=', `${params.year}-01-01`)
    .where('expected_close_date', '<', `${params.year + 1}-01-01`)
    .select([
      bucket.as('bucket'),
      'owner_id',
      sql<string | null>`amount_currency`.as('currency'),
      'forecast_category',
      sql<string>`count(*)`.as('count'),
      sql<string | null>`sum(amount)`.as('amount'),
      sql<string | null>`sum(amount * coalesce(probability, 0))`.as('weighted_percent'),
    ])
    .groupBy([sql`1`, 'owner_id', 'amount_currency', 'forecast_category'])
}
