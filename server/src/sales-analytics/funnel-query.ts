import { sql } from 'kysely'
import type { RecordContext } from '../records/record-context.ts'
import { dayStart, type FunnelParams } from './analytics-params.ts'
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

const DAY_MS = 86_400_000

/**
 * One pass over the pipeline's opportunities created in the period (the `funnel` index): per
 * current stage, furthest open stage reached and currency, how many, how much, and the time from
 * creation to close. The report derives counts, conversion, win rate and cycle from these groups.
 */
export function funnelQuery(ctx: RecordContext, params: FunnelParams & { pipelineId: string }) {
  let query = reportOpportunities(ctx, params)
  if (params.from) query = query.where('created_at', '>=', dayStart(params.from))
  if (params.to) query = query.where('created_at', '<', new Date(dayStart(params.to).getTime() + DAY_MS))
  return query
    .select([
      'stage',
      'furthest_stage',
      sql<string | null>`amount_currency`.as('currency'),
      sql<string>`count(*)`.as('count'),
      sql<string | null>`sum(amount)`.as('amount'),
      sql<string>`count(closed_at)`.as('closed'),
      sql<string | null>`sum(extract(epoch from closed_at - created_at))`.as('cycle_seconds'),
    ])
    .groupBy(['stage', 'furthest_stage', 'amount_currency'])
}
