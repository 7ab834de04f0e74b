import { request } from './client.ts'

/** One notification, its title and body already in the reader's language. */
export interface AppNotification {
  id: string
  kind: string
  title: string
  body: string | null
  object: string | null
  record_id: string | null
  created_at: string
  read_at: string | null
}

export interface NotificationPage {
  data: AppNotification[]
  next_cursor: string | null
  unread_count: number
}

export const notificationsApi = {
  list: (options: { cursor?: string | null; limit?: number } = {}) => {
    const params = new URLSearchParams({ limit: String(options.limit ?? 20) })
    if (options.cursor) params.set('cursor', options.cursor)
    return request<NotificationPage>(`/api/v1/notifications?${params}`)
  },
  markRead: (ids: string[]) => request<{ updated: number }>('/api/v1/notifications/read', { method: 'POST', body: { ids } }),
  markAllRead: () => request<{ updated: number }>('/api/v1/notifications/read', { method: 'POST', body: { all: true } }),
}
