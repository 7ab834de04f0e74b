import { request } from './client.ts'
import { listQueryString, type Filter } from './records.ts'

export interface AggregateQuery {
  filter?: Filter
  q?: string
  groupBy?: string
  sum?: string
  max?: string
}

/** Money totals per currency code (a money field's sums are never added across currencies). */
export type SumByCurrency = Record<string, string>

export interface AggregateGroup {
  value: unknown
  count: number
  sum?: string | null
  sum_by_currency?: SumByCurrency
}

/** GET /api/v1/:object/aggregate: totals over the records a list query with these filters returns. */
export interface AggregateResult {
  count: number
  sum?: string | null
  sum_by_currency?: SumByCurrency
  max?: unknown
  groups?: AggregateGroup[]
}

export function fetchAggregate(object: string, query: AggregateQuery, signal?: AbortSignal): Promise<AggregateResult> {
  const params = new URLSearchParams(listQueryString({ filter: query.filter, q: query.q }))
  if (query.groupBy) params.set('group_by', query.groupBy)
  if (query.sum) params.set('sum', query.sum)
  if (query.max) params.set('max', query.max)
  return request<AggregateResult>(`/api/v1/${encodeURIComponent(object)}/aggregate?${params.toString()}`, { signal })
}

/** Query key under the object's `records` key, so every write that refreshes lists refreshes totals too. */
export const aggregateKey = (object: string, query: AggregateQuery) => ['records', object, 'aggregate', query] as const
