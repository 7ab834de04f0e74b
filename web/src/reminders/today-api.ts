import { request } from '../api/client.ts'

export interface Suggestion {
  id: string
  rank: number
  kind: string
  message: string
  object: string
  record_id: string
  status: string
}

export const suggestionsKey = ['suggestions', 'today'] as const

export const todayApi = {
  suggestions: () => request<{ day: string; data: Suggestion[] }>('/api/v1/suggestions/today'),
  refresh: () => request<{ day: string; data: Suggestion[] }>('/api/v1/suggestions/refresh', { method: 'POST', body: {} }),
  close: (id: string, action: 'dismiss' | 'done') => request<{ status: string }>(`/api/v1/suggestions/${id}/${action}`, { method: 'POST', body: {} }),
}
