import { v7 as uuidv7 } from 'uuid'
import type { Db } from '../db/database.ts'
import { ruleViolation, type FieldError } from '../errors/app-error.ts'
import { nowOf, type RecordContext } from '../records/record-context.ts'
import { registerHooks, type WriteChange } from '../records/record-hooks.ts'
import type { ApiRecord } from '../records/row-mapping.ts'
import {
  ALLOWED_FORECAST_CATEGORIES, DEFAULT_FORECAST_CATEGORY, defaultPipelineOf, pipelineName, stagesOfPipeline, type PipelineStage,
} from './pipeline-stages.ts'

const STAGE_INPUTS = ['stage', 'pipeline_id', 'probability', 'forecast_category', 'won_reason', 'lost_reason']
const REASON: Record<string, string> = { won: 'won_reason', lost: 'lost_reason' }

const isEmpty = (value: unknown) => value === null || value === undefined || value === ''
const stageChanged = (change: WriteChange) => change.op === 'create' || 'stage' in change.values || 'pipeline_id' in change.values

async function furthestBefore(trx: Db, ctx: RecordContext, id: string): Promise<string | null> {
  const row = await trx.selectFrom('opportunities').select('furthest_stage').where('workspace_id', '=', ctx.actor.workspaceId).where('id', '=', id).executeTakeFirst()
  return (row?.furthest_stage as string | null | undefined) ?? null
}

/** The furthest open stage reached: the new one when it lies beyond (or the pipeline changed). */
async function furthestAfter(trx: Db, ctx: RecordContext, change: WriteChange, stage: PipelineStage, stages: PipelineStage[]) {
  const previous = change.op === 'update' && !('pipeline_id' in change.values) ? await furthestBefore(trx, ctx, change.id) : null
  const reached = stages.find((candidate) => candidate.value === previous && candidate.category === 'open')
  if (stage.category !== 'open') return reached?.value ?? null
  return reached && reached.position >= stage.position ? reached.value : stage.value
}

const todayOf = (ctx: RecordContext) => nowOf(ctx).toISOString().slice(0, 10)

/** Probability, forecast category, close time and reason when an opportunity enters a stage. */
async function enterStage(trx: Db, ctx: RecordContext, change: WriteChange, stage: PipelineStage, stages: PipelineStage[], errors: FieldError[]) {
  const values = change.values
  const before = change.before
  const previous = before ? stages.find((candidate) => candidate.value === before.stage) : undefined
  if (!('probability' in values)) values.probability = stage.probability
  change.privateColumns.furthest_stage = await furthestAfter(trx, ctx, change, stage, stages)
  const wasClosed = previous !== undefined && previous.category !== 'open' && before?.closed_at
  if (stage.category === 'open') {
    if (before?.closed_at) values.closed_at = null
    return
  }
  if (!wasClosed || previous?.category !== stage.category) values.closed_at = nowOf(ctx).toISOString()
  const merged = { ...before, ...values }
  // Closing an open deal dates it today; a deal created already closed (history) keeps what it was given.
  if (change.op === 'update' && isEmpty(merged.expected_close_date)) values.expected_close_date = todayOf(ctx)
  // Closing a deal asks why; records created already closed (history being imported) may come without one.
  const reason = REASON[stage.category]
  if (change.op === 'update' && previous?.category !== stage.category && isEmpty(merged[reason])) {
    errors.push({ field: `${change.pathPrefix}${reason}`, code: 'required_at_stage', params: { stage: stage.label[ctx.actor.locale] } })
  }
}

/** A given forecast category must suit the stage; otherwise a change of the stage's kind (reopening a lost deal) resets it. */
function checkForecastCategory(ctx: RecordContext, change: WriteChange, stage: PipelineStage, stages: PipelineStage[], errors: FieldError[]) {
  const allowed = ALLOWED_FORECAST_CATEGORIES[stage.category]
  const given = change.values.forecast_category
  if (!isEmpty(given)) {
    if (!allowed.includes(String(given))) {
      errors.push({ field: `${change.pathPrefix}forecast_category`, code: 'invalid_at_stage', params: { stage: stage.label[ctx.actor.locale], allowed: allowed.join(', ') } })
    }
    return
  }
  const previous = stages.find((candidate) => candidate.value === change.before?.stage)
  const current = 'forecast_category' in change.values || previous?.category !== stage.category ? null : change.before?.forecast_category
  if (isEmpty(current) || !allowed.includes(String(current))) change.values.forecast_category = DEFAULT_FORECAST_CATEGORY[stage.category]
}

/**
 * Opportunities move through the stages of their pipeline (the workspace's default one unless
 * given): a stage outside it is refused; entering a stage sets its default probability (unless
 * given), the forecast category of its kind, the close time and, when closing, asks for a reason.
 */
registerHooks('opportunities', {
  async beforeWrite(trx, ctx, change) {
    if (change.op !== 'create' && change.op !== 'update') return
    if (change.op === 'update' && !STAGE_INPUTS.some((name) => name in change.values)) return
    const workspaceId = ctx.actor.workspaceId
    if (isEmpty(change.values.pipeline_id ?? change.before?.pipeline_id)) {
      const fallback = await defaultPipelineOf(trx, workspaceId)
      if (!fallback) return
      change.values.pipeline_id = fallback
    }
    const pipelineId = String(change.values.pipeline_id ?? change.before?.pipeline_id)
    const stages = await stagesOfPipeline(trx, workspaceId, pipelineId)
    const value = change.values.stage ?? change.before?.stage
    const stage = stages.find((candidate) => candidate.value === value)
    const errors: FieldError[] = []
    if (!stage) {
      if (!stageChanged(change)) return
      const pipeline = await pipelineName(trx, workspaceId, pipelineId)
      throw ruleViolation([{ field: `${change.pathPrefix}stage`, code: 'stage_not_in_pipeline', params: { pipeline, allowed: stages.map((s) => s.value).join(', ') } }])
    }
    if (stageChanged(change)) await enterStage(trx, ctx, change, stage, stages, errors)
    checkForecastCategory(ctx, change, stage, stages, errors)
    if (errors.length > 0) throw ruleViolation(errors)
  },
  async afterWrite(trx, ctx, change, record) {
    if ((change.op !== 'create' && change.op !== 'update') || !stageChanged(change) || isEmpty(record.stage)) return
    await recordStageChange(trx, ctx, change.before, record)
  },
})

/** One row of the stage history, in the write's transaction. */
async function recordStageChange(trx: Db, ctx: RecordContext, before: ApiRecord | undefined, record: ApiRecord) {
  const amount = record.amount as { amount: string; currency: string } | null
  await trx.insertInto('opportunity_stage_history').values({
    workspace_id: ctx.actor.workspaceId,
    id: uuidv7(),
    opportunity_id: record.id,
    pipeline_id: (record.pipeline_id as string | null) ?? null,
    from_stage: (before?.stage as string | undefined) ?? null,
    to_stage: String(record.stage),
    changed_at: nowOf(ctx),
    changed_by: ctx.actor.userId,
    amount: amount?.amount ?? null,
    amount_currency: amount?.currency ?? null,
  }).execute()
}
