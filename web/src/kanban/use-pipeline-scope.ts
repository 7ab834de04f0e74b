import type { FieldMeta, ObjectMeta } from '../metadata/types.ts'
import { usePipelines, type Pipeline } from '../pipelines/pipelines-api.ts'
import type { BoardScope } from './KanbanBoard.tsx'

/**
 * An opportunity board by stage, when the workspace has several pipelines, shows one pipeline:
 * `?pipeline=` or the default, with that pipeline's stages as columns.
 */
export function usePipelineScope(object: ObjectMeta, field: FieldMeta | undefined, chosen: string | null): { pipelines: Pipeline[]; pipeline?: Pipeline; scope?: BoardScope } {
  const applies = object.name === 'opportunities' && field?.name === 'stage'
  const { data: pipelines = [] } = usePipelines(applies)
  if (!applies || pipelines.length < 2) return { pipelines: [] }
  const pipeline = pipelines.find((candidate) => candidate.id === chosen) ?? pipelines[0]
  return {
    pipelines,
    pipeline,
    scope: { filter: { pipeline_id: { eq: pipeline.id } }, columns: pipeline.stages.map((stage) => stage.value), values: { pipeline_id: pipeline.id } },
  }
}
