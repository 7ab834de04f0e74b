import { keepPreviousData, useInfiniteQuery, useQuery, type InfiniteData, type UseInfiniteQueryResult } from '@tanstack/react-query'
import { fetchAggregate } from '../api/aggregate.ts'
import { recordsApi, type ApiRecord, type Filter, type ListPage } from '../api/records.ts'
import type { ObjectMeta } from '../metadata/types.ts'

export const PAGE_SIZE = 50

export interface ListRequest {
  filter: Filter
  sort: string
  q: string
  fields: string[]
}

/** A page just fetched (or prefetched at start) is not asked for again on mount; writes invalidate it. */
export const LIST_STALE_MS = 5_000

export const fetchListPage = (object: ObjectMeta, list: ListRequest, cursor: string | null, signal?: AbortSignal): Promise<ListPage> =>
  recordsApi.list(object.name, { filter: list.filter, sort: list.sort, q: list.q || undefined, fields: list.fields, cursor, limit: PAGE_SIZE }, signal)

export const listKey = (object: string, list: ListRequest) => ['records', object, 'list', list] as const
export type ListData = InfiniteData<ListPage, string | null>
export type ListQueryResult = UseInfiniteQueryResult<ListData>

/** The list's rows, 50 at a time by the server's keyset cursor: never an offset, so page 1,000 costs what page 1 does. */
export function useListQuery(object: ObjectMeta, list: ListRequest): ListQueryResult {
  return useInfiniteQuery<ListPage, Error, ListData, ReturnType<typeof listKey>, string | null>({
    queryKey: listKey(object.name, list),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => fetchListPage(object, list, pageParam, signal),
    getNextPageParam: (last) => last.next_cursor,
    placeholderData: keepPreviousData,
    staleTime: LIST_STALE_MS,
  })
}

/**
 * How many records match, asked separately and only once `enabled` (the rows are in), so the first rows
 * never wait for a count: the embedded database answers one query at a time. Absent when the server has no count.
 */
export function useRecordCount(object: ObjectMeta, filter: Filter, q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['records', object.name, 'count', { filter, q }],
    enabled,
    retry: false,
    staleTime: 30_000,
    queryFn: ({ signal }) => fetchAggregate(object.name, { filter, q: q || undefined }, signal),
  })
}

/** Puts saved records into every cached page of the object's lists, so an edit shows without refetching the pages. */
export function patchListPages(data: ListData | undefined, saved: ApiRecord[]): ListData | undefined {
  if (!data) return data
  const byId = new Map(saved.map((record) => [record.id, record]))
  return {
    ...data,
    pages: data.pages.map((page) => ({ ...page, data: page.data.map((record) => (byId.has(record.id) ? { ...record, ...byId.get(record.id) } : record)) })),
  }
}
