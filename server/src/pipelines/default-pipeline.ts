import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Db } from '../db/database.ts'
import type { SelectOption } from '../metadata/object-definition.ts'
import { OPPORTUNITY_STAGES } from '../metadata/objects/shared-options.ts'
import type { RecordContext } from '../records/record-context.ts'
import { createRecords } from '../records/write-pipeline.ts'
import type { StageCategory } from './pipeline-stages.ts'

const categoryOf = (option: SelectOption): StageCategory => (option.value === 'won' ? 'won' : option.value === 'lost' ? 'lost' : 'open')

/** 初步接洽 → 需求分析 → 方案报价 → 商务谈判 → 赢单 / 输单: the stage values opportunities have always had. */
export const DEFAULT_STAGES = OPPORTUNITY_STAGES.map((option, position) => ({
  value: option.value,
  name: option.label['zh-CN'],
  name_en: option.label.en,
  position,
  probability: option.probability ?? 0,
  category: categoryOf(option),
}))

export const DEFAULT_PIPELINE_NAME = '标准销售流程'

/** A new workspace's default pipeline, through the write pipeline (inside the workspace's creation). */
export async function seedDefaultPipeline(ctx: RecordContext, trx: Db): Promise<void> {
  await createRecords(ctx, ctx.catalog.get('pipelines'), [{ name: DEFAULT_PIPELINE_NAME, is_default: true, stages: DEFAULT_STAGES }], { trx })
}

/**
 * Workspaces created before pipelines existed get the default one at start, and their opportunities
 * join it with the forecast category, close time and furthest stage the hooks would have given them.
 * Set-based and idempotent: a workspace that has any pipeline is left alone.
 */
export async function ensureDefaultPipelines(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const missing = await sql<{ id: string }>`
      select w.id from workspaces w
      where not exists (select 1 from pipelines p where p.workspace_id = w.id)`.execute(trx)
    for (const { id: workspaceId } of missing.rows) {
      const pipelineId = uuidv7()
      await trx.insertInto('pipelines').values({ workspace_id: workspaceId, id: pipelineId, name: DEFAULT_PIPELINE_NAME, is_default: true, search_text: DEFAULT_PIPELINE_NAME }).execute()
      await trx.insertInto('pipeline_stages').values(DEFAULT_STAGES.map((stage) => ({
        workspace_id: workspaceId, id: uuidv7(), pipeline_id: pipelineId, ...stage, search_text: stage.name,
      }))).execute()
      const closed = DEFAULT_STAGES.filter((stage) => stage.category !== 'open').map((stage) => stage.value)
      await sql`
        update opportunities set
          pipeline_id = ${pipelineId},
          forecast_category = coalesce(forecast_category, case stage when 'won' then 'closed' when 'lost' then 'omitted' else 'pipeline' end),
          closed_at = case when stage in (${sql.join(closed)}) then coalesce(closed_at, updated_at) end,
          furthest_stage = case when stage in (${sql.join(closed)}) then furthest_stage else stage end
        where workspace_id = ${workspaceId} and pipeline_id is null`.execute(trx)
      await sql`update workspaces set metadata_version = metadata_version + 1 where id = ${workspaceId}`.execute(trx)
    }
  })
}
