import { request } from '../api/client.ts'

export interface RecordCompleteness {
  score: number
  missing: { field: string; weight: number }[]
  weights: Record<string, number>
}

export interface CompletenessSummary {
  count: number
  score: number | null
  fields: { field: string; weight: number; filled: number }[]
  groups?: { value: string | null; count: number; score: number }[]
}

export interface StageRule {
  field: string
  value: string
  required: string[]
}

export interface QualitySettings {
  object: string
  weights: Record<string, number>
  custom_weights: boolean
  default_weights: Record<string, number>
  stage_rules: StageRule[]
}

const object = (name: string) => `/api/v1/${encodeURIComponent(name)}`

export const qualityApi = {
  record: (name: string, id: string) => request<RecordCompleteness>(`${object(name)}/${id}/completeness`),
  summary: (name: string, groupBy?: 'owner_id' | 'team') => request<CompletenessSummary>(`${object(name)}/completeness${groupBy ? `?group_by=${groupBy}` : ''}`),
  settings: (name: string) => request<QualitySettings>(`/api/v1/quality/settings/${encodeURIComponent(name)}`),
  saveSettings: (name: string, body: { weights?: Record<string, number> | null; stage_rules?: StageRule[] }) =>
    request<QualitySettings>(`/api/v1/quality/settings/${encodeURIComponent(name)}`, { method: 'PUT', body }),
}
