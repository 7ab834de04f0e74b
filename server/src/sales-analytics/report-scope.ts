import { sql } from 'kysely'
import { assertCan } from '../access/record-access.ts'
import type { RecordContext } from '../records/record-context.ts'
import { scopedRollup, type RecordQuery } from '../records/scoped-query.ts'
import type { ReportFilters } from './analytics-params.ts'

/**
 * The opportunity summaries a sales report reads (the `funnel` or `forecast` rollup of the
 * opportunity object, daily or monthly): the caller's record scope (a rep sees their own), then the report's
 * pipeline, owner and team.
 */
export function reportOpportunities(ctx: RecordContext, rollup: 'funnel' | 'funnel_monthly' | 'forecast', filters: ReportFilters): RecordQuery {
  const opportunities = ctx.catalog.get('opportunities')
  assertCan(ctx.actor, opportunities, 'read')
  let query = scopedRollup(ctx, opportunities, rollup)
  if (filters.pipelineId) query = query.where('pipeline_id', '=', filters.pipelineId)
  if (filters.ownerId) query = query.where('owner_id', '=', filters.ownerId)
  if (filters.teamId) {
    query = query.where(sql<boolean>`owner_id in (select id from users where workspace_id = ${ctx.actor.workspaceId} and team_id = ${filters.teamId})`)
  }
  return query
}
