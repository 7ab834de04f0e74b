import { ApiError, request } from '../api/client.ts'
import { currentLanguage } from '../i18n/i18n.ts'

export type ImportStatus = 'new' | 'uploaded' | 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'reverting' | 'reverted'
export type OnDuplicate = 'skip' | 'update' | 'create'

export interface ImportJob {
  id: string
  object: string
  status: ImportStatus
  file_name: string
  encoding: string | null
  headers: string[]
  mapping: Record<string, string | null>
  match_key: string | null
  on_duplicate: OnDuplicate
  total_rows: number | null
  rows_done: number
  created: number
  updated: number
  skipped: number
  rejected: number
  reverted: { deleted: number; restored: number }
  error: string | null
  created_at: string
  started_at: string | null
  finished_at: string | null
  updated_at: string
}

export interface PreviewRow {
  row: number
  cells: string[]
  action: 'create' | 'update' | 'skip' | 'reject'
  errors: Record<string, string>
}

export interface DryRunResult {
  total: number
  create: number
  update: number
  skip: number
  reject: number
  rejections: { row: number; reason: string }[]
}

export interface ImportTemplate {
  id: string
  name: string
  mapping: Record<string, string | null>
  match_key: string | null
  on_duplicate: OnDuplicate | null
}

export const isActive = (job: ImportJob) => job.status === 'queued' || job.status === 'running'
/** A job is working on the import: running it or reverting it. */
export const isBusy = (job: ImportJob) => isActive(job) || job.status === 'reverting'

/** Sends the file as the raw request body: the server streams it to disk. */
async function upload(id: string, file: File): Promise<ImportJob> {
  const response = await fetch(`/api/v1/imports/${id}/file`, {
    method: 'PUT',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream', accept: 'application/json', 'accept-language': currentLanguage() },
    body: file,
  })
  const body = await response.json()
  if (!response.ok) throw new ApiError(response.status, body?.error?.code ?? 'INTERNAL', body?.error?.message ?? response.statusText, body?.error?.fields ?? [])
  return body as ImportJob
}

export const importsApi = {
  create: (object: string, fileName: string) => request<ImportJob>('/api/v1/imports', { method: 'POST', body: { object, file_name: fileName } }),
  upload,
  get: (id: string) => request<ImportJob>(`/api/v1/imports/${id}`),
  list: (object?: string) => request<{ data: ImportJob[] }>(`/api/v1/imports${object ? `?object=${encodeURIComponent(object)}` : ''}`),
  configure: (id: string, settings: { mapping?: Record<string, string | null>; match_key?: string | null; on_duplicate?: OnDuplicate }) =>
    request<ImportJob>(`/api/v1/imports/${id}`, { method: 'PATCH', body: settings }),
  preview: (id: string) => request<{ rows: PreviewRow[] }>(`/api/v1/imports/${id}/preview`),
  dryRun: (id: string) => request<DryRunResult>(`/api/v1/imports/${id}/dry-run`, { method: 'POST', body: {} }),
  start: (id: string) => request<ImportJob>(`/api/v1/imports/${id}/start`, { method: 'POST', body: {} }),
  cancel: (id: string) => request<ImportJob>(`/api/v1/imports/${id}/cancel`, { method: 'POST', body: {} }),
  revert: (id: string) => request<ImportJob>(`/api/v1/imports/${id}/revert`, { method: 'POST', body: {} }),
  reportUrl: (id: string) => `/api/v1/imports/${id}/report`,
  templates: (object: string) => request<{ data: ImportTemplate[] }>(`/api/v1/import-templates?object=${encodeURIComponent(object)}`),
  saveTemplate: (object: string, name: string, settings: { mapping: Record<string, string | null>; match_key: string | null; on_duplicate: OnDuplicate }) =>
    request<ImportTemplate>('/api/v1/import-templates', { method: 'POST', body: { object, name, ...settings } }),
}
