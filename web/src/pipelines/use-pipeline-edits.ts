import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App } from 'antd'
import { ApiError } from '../api/client.ts'
import { recordsApi } from '../api/records.ts'
import { metadataKey } from '../metadata/use-metadata.ts'
import type { Pipeline, Stage } from './pipelines-api.ts'

type Edit =
  | { kind: 'stage'; stage: Stage; values: Partial<Stage> }
  | { kind: 'addStage'; pipeline: Pipeline; name: string }
  | { kind: 'removeStage'; stage: Stage }
  | { kind: 'reorder'; stages: Stage[] }
  | { kind: 'makeDefault'; pipeline: Pipeline }
  | { kind: 'addPipeline'; name: string; template: Stage[] }
  | { kind: 'removePipeline'; pipeline: Pipeline }

function run(edit: Edit): Promise<unknown> {
  switch (edit.kind) {
    case 'stage': return recordsApi.update('pipeline_stages', edit.stage.id, edit.stage.version, edit.values)
    case 'addStage': return recordsApi.create('pipeline_stages', { pipeline_id: edit.pipeline.id, name: edit.name, probability: 50, category: 'open' })
    case 'removeStage': return recordsApi.remove('pipeline_stages', edit.stage.id, edit.stage.version)
    // Positions are renumbered in the new order, in one transaction.
    case 'reorder': return recordsApi.bulk('pipeline_stages', { update: edit.stages.map((stage, position) => ({ id: stage.id, version: stage.version, position })) })
    case 'makeDefault': return recordsApi.update('pipelines', edit.pipeline.id, edit.pipeline.version, { is_default: true })
    case 'addPipeline': return recordsApi.create('pipelines', {
      name: edit.name,
      stages: edit.template.map(({ value, name, name_en, probability, category }) => ({ value, name, name_en, probability, category })),
    })
    case 'removePipeline': return recordsApi.remove('pipelines', edit.pipeline.id, edit.pipeline.version)
  }
}

/** Every change of the pipeline settings: saved, then the stage options (metadata) and lists read again. */
export function usePipelineEdits(savedText: string) {
  const client = useQueryClient()
  const { message } = App.useApp()
  return useMutation({
    mutationFn: run,
    onSuccess: () => void message.success(savedText),
    onError: (error) => void message.error(error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : String(error)),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: ['records'] }), client.invalidateQueries({ queryKey: metadataKey })]),
  })
}
