import { sql } from 'kysely'
import { assertCan } from '../access/record-access.ts'
import type { RecordContext } from '../records/record-context.ts'
import { scopedSelect, type RecordQuery } from '../records/scoped-query.ts'
import type { ReportFilters } from './analytics-params.ts'

/**
 * The opportunities a sales report reads: the caller's record scope (a rep sees their own), then
 * the report's pipeline, owner and team.
 */
export function reportOpportunities(ctx: RecordContext, filters: ReportFilters): RecordQuery {
  const opportunities = ctx.catalog.get('opportunities')
  assertCan(ctx.actor, opportunities, 'read')
  let query = scopedSelect(ctx, opportunities)
  if (filters.pipelineId) query = query.where('pipeline_id', '=', filters.pipelineId)
  if (filters.ownerId) query = query.where('owner_id', '=', filters.ownerId)
  if (filters.teamId) {
    query = query.where(sql<boolean>`owner_id in (select id from users where workspace_id = ${ctx.actor.workspaceId} and team_id = ${filters.teamId})`)
  }
  return query
}
