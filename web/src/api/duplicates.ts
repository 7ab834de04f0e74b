import { request } from './client.ts'
import type { ApiRecord } from './records.ts'

export type DuplicateRuleKind = 'email' | 'phone' | 'name'

export interface DuplicateMatch {
  record: ApiRecord
  matches: DuplicateRuleKind[]
}

export interface DuplicateGroup {
  rule: DuplicateRuleKind
  key: string
  count: number
  records: ApiRecord[]
}

export interface MergeResult {
  id: string
  survivor: ApiRecord
  merged_ids: string[]
  moved: number
}

export interface MergeSummary {
  id: string
  survivor_id: string
  merged_ids: string[]
  moved: number
  created_at: string
  undone_at: string | null
}

const base = (object: string) => `/api/v1/${encodeURIComponent(object)}`

/** Likely duplicates, the review list of groups, merge and its undo. */
export const duplicatesApi = {
  check: (object: string, values: Record<string, unknown>, excludeId?: string, signal?: AbortSignal) =>
    request<{ data: DuplicateMatch[] }>(`${base(object)}/duplicates/check`, { method: 'POST', body: { values, excludeId }, signal }),
  groups: (object: string, cursor?: string | null) =>
    request<{ data: DuplicateGroup[]; next_cursor: string | null }>(`${base(object)}/duplicates?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
  merge: (object: string, body: { survivorId: string; mergedIds: string[]; values: Record<string, unknown> }) =>
    request<MergeResult>(`${base(object)}/merge`, { method: 'POST', body }),
  history: (object: string, id: string) => request<{ data: MergeSummary[] }>(`${base(object)}/${id}/merges`),
  undo: (mergeId: string) => request<MergeSummary>(`/api/v1/merges/${mergeId}/undo`, { method: 'POST' }),
}
