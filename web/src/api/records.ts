import { request, requestWithHeaders } from './client.ts'

export interface ApiRecord {
  id: string
  version: number
  [field: string]: unknown
}

export interface ListPage {
  data: ApiRecord[]
  next_cursor: string | null
}

/** filter[field][operator] = value, as the list endpoint reads it. */
export type Filter = Record<string, Record<string, string | string[]>>

export interface ListQuery {
  filter?: Filter
  sort?: string
  cursor?: string | null
  limit?: number
  fields?: string[]
  q?: string
}

function appendFilter(params: URLSearchParams, filter: Filter) {
  for (const [field, operators] of Object.entries(filter)) {
    for (const [operator, value] of Object.entries(operators)) {
      if (Array.isArray(value)) value.forEach((item, index) => params.append(`filter[${field}][${operator}][${index}]`, item))
      else params.append(`filter[${field}][${operator}]`, value)
    }
  }
}

export function listQueryString(query: ListQuery): string {
  const params = new URLSearchParams()
  if (query.filter) appendFilter(params, query.filter)
  if (query.sort) params.set('sort', query.sort)
  if (query.cursor) params.set('cursor', query.cursor)
  if (query.limit) params.set('limit', String(query.limit))
  if (query.fields) params.set('fields', query.fields.join(','))
  if (query.q) params.set('q', query.q)
  return params.toString()
}

const base = (object: string) => `/api/v1/${encodeURIComponent(object)}`

export const recordsApi = {
  list: (object: string, query: ListQuery, signal?: AbortSignal) => request<ListPage>(`${base(object)}?${listQueryString(query)}`, { signal }),
  get: (object: string, id: string) => request<ApiRecord>(`${base(object)}/${id}`),
  create: (object: string, values: Record<string, unknown>) => request<ApiRecord>(base(object), { method: 'POST', body: values }),
  /** PATCH with If-Match: a stale version answers 412 and changes nothing. */
  update: (object: string, id: string, version: number, values: Record<string, unknown>) =>
    request<ApiRecord>(`${base(object)}/${id}`, { method: 'PATCH', body: values, headers: { 'if-match': `"${version}"` } }),
  remove: (object: string, id: string, version?: number) =>
    requestWithHeaders<unknown>(`${base(object)}/${id}`, { method: 'DELETE', headers: version === undefined ? {} : { 'if-match': `"${version}"` } }),
  bulk: (object: string, body: { create?: unknown[]; update?: unknown[]; delete?: string[] }) =>
    request<{ created: ApiRecord[]; updated: ApiRecord[]; deleted?: string[] }>(`${base(object)}/bulk`, { method: 'POST', body }),
  timeline: (object: string, id: string) => request<{ data: TimelineEntry[] }>(`${base(object)}/${id}/timeline`),
}

export interface TimelineEntry {
  kind: string
  at: string
  [key: string]: unknown
}
