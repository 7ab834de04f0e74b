/**
 * The funnel and the forecast as one SQL each straight over the opportunities table — what the
 * reports cost without their rollups, and what the bench checks the rollups' answers against.
 */
import { sql } from 'kysely'
import { Decimal } from 'decimal.js'
import type { RecordContext } from '../server/src/records/record-context.ts'
import { scopedSelect } from '../server/src/records/scoped-query.ts'
import { dayStart, type ForecastParams, type FunnelParams } from '../server/src/sales-analytics/analytics-params.ts'

const DAY_MS = 86_400_000

function scannedOpportunities(ctx: RecordContext, pipelineId?: string) {
  const query = scopedSelect(ctx, ctx.catalog.get('opportunities'))
  return pipelineId ? query.where('pipeline_id', '=', pipelineId) : query
}

export function funnelScanQuery(ctx: RecordContext, params: FunnelParams & { pipelineId: string }) {
  let query = scannedOpportunities(ctx, params.pipelineId)
  if (params.from) query = query.where('created_at', '>=', dayStart(params.from))
  if (params.to) query = query.where('created_at', '<', new Date(dayStart(params.to).getTime() + DAY_MS))
  return query
    .select([
      'stage', 'furthest_stage', sql<string | null>`amount_currency`.as('currency'), sql<string>`count(*)`.as('count'), sql<string | null>`sum(amount)`.as('amount'),
      sql<string>`count(closed_at)`.as('closed'), sql<string | null>`sum(extract(epoch from closed_at - created_at))`.as('cycle_seconds'),
    ])
    .groupBy(['stage', 'furthest_stage', 'amount_currency'])
}

export function forecastScanQuery(ctx: RecordContext, params: ForecastParams) {
  const bucket = params.period === 'month' ? sql<number>`extract(month from expected_close_date)::int` : sql<number>`extract(quarter from expected_close_date)::int`
  return scannedOpportunities(ctx, params.pipelineId)
    .where('expected_close_date', '>=', `${params.year}-01-01`)
    .where('expected_close_date', '<', `${params.year + 1}-01-01`)
    .select([
      bucket.as('bucket'), 'owner_id', sql<string | null>`amount_currency`.as('currency'), 'forecast_category', sql<string>`count(*)`.as('count'),
      sql<string | null>`sum(amount)`.as('amount'), sql<string | null>`sum(amount * coalesce(probability, 0))`.as('weighted_percent'),
    ])
    .groupBy([sql`1`, 'owner_id', 'amount_currency', 'forecast_category'])
}

/** Rows of either query as sorted text, numbers compared by value (a rollup's sum may carry another scale). */
export function canonicalRows(rows: Record<string, unknown>[]): string {
  const cell = (value: unknown) => (value === null || value === undefined ? 'null' : /^-?\d+(\.\d+)?$/.test(String(value)) ? new Decimal(String(value)).toString() : String(value))
  return rows.map((row) => Object.keys(row).sort().map((key) => `${key}=${cell(row[key])}`).join(',')).sort().join('\n')
}
