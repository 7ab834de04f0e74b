import { useQuery } from '@tanstack/react-query'
import { request } from '../api/client.ts'
import { recordsApi, type ApiRecord } from '../api/records.ts'
import type { Label } from '../metadata/types.ts'

export type StageCategory = 'open' | 'won' | 'lost'

export interface Stage extends ApiRecord {
  pipeline_id: string
  name: string
  name_en: string | null
  value: string
  position: number
  probability: number
  category: StageCategory
}

export interface Pipeline extends ApiRecord {
  name: string
  is_default: boolean | null
  description: string | null
  stages: Stage[]
}

/** Pipelines and stages live under `records`: every record write refreshes them. */
export const pipelinesKey = ['records', 'pipelines', 'with-stages'] as const

async function fetchPipelines(): Promise<Pipeline[]> {
  const [pipelines, stages] = await Promise.all([
    recordsApi.list('pipelines', { sort: 'created_at', limit: 200 }),
    recordsApi.list('pipeline_stages', { sort: 'position', limit: 200 }),
  ])
  const list = pipelines.data.map((pipeline) => ({ ...pipeline, stages: stages.data.filter((stage) => stage.pipeline_id === pipeline.id) }) as Pipeline)
  // The default pipeline first, as the server orders the stage options.
  return list.sort((a, b) => Number(Boolean(b.is_default)) - Number(Boolean(a.is_default)))
}

/** The workspace's pipelines, default first, each with its stages in order. */
export function usePipelines(enabled = true) {
  return useQuery({ queryKey: pipelinesKey, queryFn: fetchPipelines, enabled, staleTime: 60_000 })
}

export const stageLabel = (stage: Stage): Label => ({ 'zh-CN': stage.name, en: stage.name_en || stage.name })

export interface StageVisit {
  id: string
  from_stage: string | null
  to_stage: string
  changed_at: string
  changed_by: string | null
  amount: { amount: string; currency: string } | null
  seconds_in_stage: number
  current: boolean
}

export interface StageHistory {
  data: StageVisit[]
  time_in_stage: Array<{ stage: string; seconds: number; visits: number }>
}

export const stageHistoryKey = (id: string) => ['record', 'opportunities', id, 'stage-history'] as const

export function useStageHistory(id: string, version: number) {
  return useQuery({
    queryKey: [...stageHistoryKey(id), version],
    queryFn: ({ signal }) => request<StageHistory>(`/api/v1/opportunities/${id}/stage-history`, { signal }),
  })
}
