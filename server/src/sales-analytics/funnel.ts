import { Decimal } from 'decimal.js'
import { AppError } from '../errors/app-error.ts'
import type { Label } from '../metadata/object-definition.ts'
import { pipelineWithStages, type PipelineStage, type StageCategory } from '../pipelines/pipeline-stages.ts'
import type { RecordContext } from '../records/record-context.ts'
import type { FunnelParams } from './analytics-params.ts'
import { addAmount, ratio, type Amounts } from './exact-sums.ts'
import { funnelQuery, type FunnelRow } from './funnel-query.ts'

export interface FunnelStage {
  value: string
  label: Label
  category: StageCategory
  position: number
  probability: number
  /** Opportunities at this stage now, and their amounts per currency. */
  count: number
  amounts: Amounts
  /** Opportunities that got at least this far (an open stage), or closed here (won or lost). */
  reached: number
  /** Share of those that reached this open stage that went on to the next one (won after the last). */
  conversion_rate: number | null
}

interface Tally { count: number; amounts: Amounts }
const tally = (): Tally => ({ count: 0, amounts: {} })

/** The pipeline (the default one unless named) and its stages; unknown or without stages → 404. */
async function pipelineOf(ctx: RecordContext, pipelineId?: string) {
  const pipeline = await pipelineWithStages(ctx.db, ctx.actor.workspaceId, pipelineId)
  if (!pipeline || pipeline.stages.length === 0) throw new AppError('NOT_FOUND')
  return pipeline
}

/** How far a group of opportunities got along the open stages (won ones passed them all). */
function furthestPosition(row: FunnelRow, byValue: Map<string, PipelineStage>, firstOpen: number): number {
  const current = byValue.get(row.stage)
  if (current && current.category === 'won') return Infinity
  const furthest = row.furthest_stage ? byValue.get(row.furthest_stage) : undefined
  const positions = [furthest, current].filter((stage) => stage?.category === 'open').map((stage) => stage!.position)
  return positions.length > 0 ? Math.max(...positions) : firstOpen
}

/** GET /api/v1/sales/funnel: per stage counts and amounts, conversion, win rate and sales cycle. */
export async function salesFunnel(ctx: RecordContext, params: FunnelParams) {
  const pipeline = await pipelineOf(ctx, params.pipelineId)
  const rows = (await funnelQuery(ctx, { ...params, pipelineId: pipeline.id }).execute()) as FunnelRow[]
  const byValue = new Map(pipeline.stages.map((stage) => [stage.value, stage]))
  const open = pipeline.stages.filter((stage) => stage.category === 'open')
  const firstOpen = open[0]?.position ?? 0
  const at = new Map(pipeline.stages.map((stage) => [stage.value, tally()]))
  const total = tally()
  const closed = { won: tally(), lost: tally() }
  const furthest: Array<{ position: number; count: number }> = []
  let cycleSeconds = new Decimal(0)
  let cycleCount = 0
  for (const row of rows) {
    const count = Number(row.count)
    const stage = byValue.get(row.stage)
    for (const target of [total, stage ? at.get(stage.value)! : undefined, stage && stage.category !== 'open' ? closed[stage.category] : undefined]) {
      if (!target) continue
      target.count += count
      addAmount(target.amounts, row.currency, row.amount)
    }
    furthest.push({ position: furthestPosition(row, byValue, firstOpen), count })
    if (stage?.category === 'won' && row.cycle_seconds !== null) {
      cycleSeconds = cycleSeconds.plus(row.cycle_seconds)
      cycleCount += Number(row.closed)
    }
  }
  const reachedOpen = (stage: PipelineStage) => furthest.filter((group) => group.position >= stage.position).reduce((sum, group) => sum + group.count, 0)
  const stages: FunnelStage[] = pipeline.stages.map((stage) => {
    const here = at.get(stage.value)!
    const reached = stage.category === 'open' ? reachedOpen(stage) : here.count
    return { value: stage.value, label: stage.label, category: stage.category, position: stage.position, probability: stage.probability, count: here.count, amounts: here.amounts, reached, conversion_rate: null }
  })
  const path = stages.filter((stage) => stage.category === 'open')
  path.forEach((stage, index) => {
    const next = index + 1 < path.length ? path[index + 1].reached : closed.won.count
    stage.conversion_rate = ratio(next, stage.reached)
  })
  return {
    pipeline: { id: pipeline.id, name: pipeline.name },
    period: { from: params.from ?? null, to: params.to ?? null },
    stages,
    total,
    won: closed.won,
    lost: closed.lost,
    win_rate: ratio(closed.won.count, closed.won.count + closed.lost.count),
    average_cycle_days: cycleCount === 0 ? null : cycleSeconds.dividedBy(cycleCount * 86_400).toDecimalPlaces(1).toNumber(),
  }
}
