import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Label } from '../metadata/object-definition.ts'

export type StageCategory = 'open' | 'won' | 'lost'

/** A live stage of a pipeline, as the hooks and reports read it. */
export interface PipelineStage {
  id: string
  pipelineId: string
  value: string
  label: Label
  position: number
  probability: number
  category: StageCategory
}

interface StageRow {
  id: string
  pipeline_id: string
  value: string
  name: string
  name_en: string | null
  position: string | number
  probability: string | number
  category: StageCategory
}

export const stageOfRow = (row: StageRow): PipelineStage => ({
  id: row.id,
  pipelineId: row.pipeline_id,
  value: row.value,
  label: { 'zh-CN': row.name, en: row.name_en || row.name },
  position: Number(row.position),
  probability: Number(row.probability),
  category: row.category,
})

/** The live stages of a workspace, default pipeline first, each pipeline's stages in order. */
export async function workspaceStages(db: Db, workspaceId: string, pipelineId?: string): Promise<PipelineStage[]> {
  let query = db
    .selectFrom('pipeline_stages as s')
    .innerJoin('pipelines as p', (join) => join.onRef('p.workspace_id', '=', 's.workspace_id').onRef('p.id', '=', 's.pipeline_id'))
    .select(['s.id', 's.pipeline_id', 's.value', 's.name', 's.name_en', 's.position', 's.probability', 's.category'])
    .where('s.workspace_id', '=', workspaceId)
    .where('s.deleted_at', 'is', null)
    .where('p.deleted_at', 'is', null)
    .where('s.value', 'is not', null)
  if (pipelineId) query = query.where('s.pipeline_id', '=', pipelineId)
  const rows = await query.orderBy(sql`p.is_default is true`, 'desc').orderBy('p.created_at').orderBy('p.id').orderBy('s.position').orderBy('s.id').execute()
  return (rows as StageRow[]).map(stageOfRow)
}

// Within one transaction a bulk write reads a pipeline's stages once.
const cache = new WeakMap<Db, Map<string, Promise<PipelineStage[]>>>()

export function stagesOfPipeline(trx: Db, workspaceId: string, pipelineId: string): Promise<PipelineStage[]> {
  let byPipeline = cache.get(trx)
  if (!byPipeline) cache.set(trx, (byPipeline = new Map()))
  let stages = byPipeline.get(pipelineId)
  if (!stages) byPipeline.set(pipelineId, (stages = workspaceStages(trx, workspaceId, pipelineId)))
  return stages
}

/** A stage or pipeline changed in this transaction: read them afresh. */
export const forgetStages = (trx: Db) => {
  cache.delete(trx)
  defaults.delete(trx)
}

const defaults = new WeakMap<Db, Promise<string | undefined>>()

/** The default pipeline, read once per transaction (a bulk import of opportunities asks for every row). */
export function defaultPipelineOf(trx: Db, workspaceId: string): Promise<string | undefined> {
  let found = defaults.get(trx)
  if (!found) defaults.set(trx, (found = defaultPipelineId(trx, workspaceId)))
  return found
}

/** A pipeline (the default one unless named) with its live stages, in one round trip; undefined when there is none. */
export async function pipelineWithStages(db: Db, workspaceId: string, pipelineId?: string) {
  const chosen = pipelineId
    ? sql<string>`${pipelineId}::uuid`
    : sql<string>`(select id from pipelines where workspace_id = ${workspaceId} and deleted_at is null order by is_default is true desc, created_at, id limit 1)`
  const rows = await db
    .selectFrom('pipelines as p')
    .leftJoin('pipeline_stages as s', (join) => join.onRef('s.workspace_id', '=', 'p.workspace_id').onRef('s.pipeline_id', '=', 'p.id')
      .on('s.deleted_at', 'is', null).on('s.value', 'is not', null))
    .select(['p.id as pipeline', 'p.name as pipeline_name', 's.id', 's.pipeline_id', 's.value', 's.name', 's.name_en', 's.position', 's.probability', 's.category'])
    .where('p.workspace_id', '=', workspaceId).where('p.deleted_at', 'is', null).where('p.id', '=', chosen)
    .orderBy('s.position').orderBy('s.id').execute()
  if (rows.length === 0) return undefined
  const stages = (rows as Array<StageRow & { id: string | null }>).filter((row) => row.id !== null).map(stageOfRow)
  return { id: rows[0].pipeline as string, name: rows[0].pipeline_name as string, stages }
}

export async function defaultPipelineId(db: Db, workspaceId: string): Promise<string | undefined> {
  const row = await db.selectFrom('pipelines').select('id').where('workspace_id', '=', workspaceId).where('deleted_at', 'is', null)
    .orderBy(sql`is_default is true`, 'desc').orderBy('created_at').orderBy('id').limit(1).executeTakeFirst()
  return row?.id as string | undefined
}

export async function pipelineName(db: Db, workspaceId: string, pipelineId: string): Promise<string> {
  const row = await db.selectFrom('pipelines').select('name').where('workspace_id', '=', workspaceId).where('id', '=', pipelineId).executeTakeFirst()
  return (row?.name as string | undefined) ?? ''
}

/** Where an opportunity counts in the forecast when nobody chose otherwise. */
export const DEFAULT_FORECAST_CATEGORY: Record<StageCategory, string> = { open: 'pipeline', won: 'closed', lost: 'omitted' }
/** Forecast categories an opportunity may take in a stage of each category. */
export const ALLOWED_FORECAST_CATEGORIES: Record<StageCategory, string[]> = {
  open: ['pipeline', 'best_case', 'commit', 'omitted'],
  won: ['closed'],
  lost: ['omitted'],
}
