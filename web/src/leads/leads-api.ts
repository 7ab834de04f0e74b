import { request } from '../api/client.ts'
import type { ApiRecord } from '../api/records.ts'

export interface DuplicateMatch {
  record: ApiRecord
  matches: ('email' | 'phone' | 'name')[]
}

export interface ConversionPreview {
  lead: ApiRecord
  converted: boolean
  account: { values: Record<string, unknown>; duplicates: DuplicateMatch[] }
  contact: { values: Record<string, unknown>; duplicates: DuplicateMatch[] }
  opportunity: { values: Record<string, unknown> }
}

export interface ConversionBody {
  account: { id: string } | { create: Record<string, unknown> }
  contact?: { create: Record<string, unknown> }
  opportunity?: Record<string, unknown> | null
}

export interface ConversionResult {
  lead: ApiRecord
  account: ApiRecord
  account_created: boolean
  contact: ApiRecord
  opportunity: ApiRecord | null
}

export const leadsApi = {
  conversionPreview: (id: string) => request<ConversionPreview>(`/api/v1/leads/${id}/conversion`),
  convert: (id: string, body: ConversionBody) => request<ConversionResult>(`/api/v1/leads/${id}/convert`, { method: 'POST', body }),
  assignmentSettings: () => request<{ fallback_owner_id: string | null }>('/api/v1/lead-assignment/settings'),
  saveAssignmentSettings: (settings: { fallback_owner_id: string | null }) =>
    request<{ fallback_owner_id: string | null }>('/api/v1/lead-assignment/settings', { method: 'PATCH', body: settings }),
}
