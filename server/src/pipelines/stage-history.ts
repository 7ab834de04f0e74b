import { assertCan } from '../access/record-access.ts'
import { AppError } from '../errors/app-error.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'
import { nowOf, type RecordContext } from '../records/record-context.ts'
import { scopedSelect } from '../records/scoped-query.ts'

export interface StageVisit {
  id: string
  from_stage: string | null
  to_stage: string
  pipeline_id: string | null
  changed_at: string
  changed_by: string | null
  amount: { amount: string; currency: string } | null
  /** Until the next change, or until now for the stage the opportunity is in. */
  seconds_in_stage: number
  current: boolean
}

/** Every stage an opportunity the caller may read went through, with the time spent in each. */
export async function stageHistory(ctx: RecordContext, id: string) {
  const opportunities = ctx.catalog.get('opportunities')
  assertCan(ctx.actor, opportunities, 'read')
  if (!isUuid(id)) throw new AppError('NOT_FOUND')
  const readable = await scopedSelect(ctx, opportunities).select('id').where('id', '=', id).executeTakeFirst()
  if (!readable) throw new AppError('NOT_FOUND')
  const rows = await ctx.db.selectFrom('opportunity_stage_history')
    .select(['id', 'from_stage', 'to_stage', 'pipeline_id', 'changed_at', 'changed_by', 'amount', 'amount_currency'])
    .where('workspace_id', '=', ctx.actor.workspaceId).where('opportunity_id', '=', id)
    .orderBy('changed_at').orderBy('id').execute()
  const now = nowOf(ctx).getTime()
  const visits: StageVisit[] = rows.map((row, index) => {
    const start = new Date(row.changed_at as Date).getTime()
    const next = rows[index + 1]
    const end = next ? new Date(next.changed_at as Date).getTime() : now
    return {
      id: row.id as string,
      from_stage: row.from_stage as string | null,
      to_stage: row.to_stage as string,
      pipeline_id: row.pipeline_id as string | null,
      changed_at: new Date(start).toISOString(),
      changed_by: row.changed_by as string | null,
      amount: row.amount == null ? null : { amount: String(row.amount), currency: String(row.amount_currency) },
      seconds_in_stage: Math.max(0, Math.round((end - start) / 1000)),
      current: !next,
    }
  })
  // A stage entered more than once adds up.
  const totals = new Map<string, { stage: string; seconds: number; visits: number }>()
  for (const visit of visits) {
    const total = totals.get(visit.to_stage) ?? { stage: visit.to_stage, seconds: 0, visits: 0 }
    total.seconds += visit.seconds_in_stage
    total.visits += 1
    totals.set(visit.to_stage, total)
  }
  return { data: visits, time_in_stage: [...totals.values()] }
}
