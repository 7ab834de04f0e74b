import type { AggregateGroup, AggregateResult, SumByCurrency } from '../../../server/src/records/aggregate-types.ts'
import { request } from './client.ts'
import { listQueryString, type Filter } from './records.ts'

export interface AggregateQuery {
  filter?: Filter
  q?: string
  groupBy?: string
  sum?: string
  max?: string
}

export type { AggregateGroup, AggregateResult, SumByCurrency }

/** GET /api/v1/:object/aggregate: totals over the records a list query with these filters returns. */
export function fetchAggregate(object: string, query: AggregateQuery, signal?: AbortSignal): Promise<AggregateResult> {
  const params = new URLSearchParams(listQueryString({ filter: query.filter, q: query.q }))
  if (query.groupBy) params.set('group_by', query.groupBy)
  if (query.sum) params.set('sum', query.sum)
  if (query.max) params.set('max', query.max)
  return request<AggregateResult>(`/api/v1/${encodeURIComponent(object)}/aggregate?${params.toString()}`, { signal })
}

/** Query key under the object's `records` key, so every write that refreshes lists refreshes totals too. */
export const aggregateKey = (object: string, query: AggregateQuery) => ['records', object, 'aggregate', query] as const
