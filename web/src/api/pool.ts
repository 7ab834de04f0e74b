import type { ApiRecord } from './records.ts'
import { request } from './client.ts'

/** A workspace's customer-pool and silent-customer rules (null turns a rule off). */
export interface CustomerRules {
  claim_limit: number
  return_days: number | null
  notice_days: number
  silent_days: number | null
}

export const poolApi = {
  settings: () => request<CustomerRules & { held_claims: number }>('/api/v1/pool/settings'),
  saveSettings: (rules: Partial<CustomerRules>) => request<CustomerRules>('/api/v1/pool/settings', { method: 'PATCH', body: rules }),
  claim: (id: string) => request<ApiRecord>(`/api/v1/accounts/${id}/claim`, { method: 'POST', body: {} }),
  release: (id: string) => request<ApiRecord>(`/api/v1/accounts/${id}/release`, { method: 'POST', body: {} }),
}
