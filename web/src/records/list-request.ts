import type { QueryClient } from '@tanstack/react-query'
import type { ObjectMeta } from '../metadata/types.ts'
import { fieldOf } from '../metadata/use-metadata.ts'
import { cardFields, toFilter, type ListState } from './list-state.ts'
import { fetchListPage, listKey, LIST_STALE_MS, type ListRequest } from './use-list-query.ts'
import { remembered } from './use-list-state.ts'

/** What the list asks the server for, from its state: filters, sort, search and the columns shown. */
export function listRequestOf(object: ObjectMeta, state: ListState): ListRequest {
  const fields = [...new Set([object.titleField, ...state.columns, ...cardFields(object, state.columns)])].filter((name) => fieldOf(object, name))
  return { filter: toFilter(object, state.conditions), sort: state.sort ?? object.defaultSort, q: state.q.trim(), fields }
}

/** Asks for a list's first page as soon as the metadata is known, before the page has rendered. */
export function prefetchList(client: QueryClient, object: ObjectMeta) {
  const list = listRequestOf(object, remembered(object))
  void client.prefetchInfiniteQuery({
    queryKey: listKey(object.name, list),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => fetchListPage(object, list, pageParam as string | null, signal),
    staleTime: LIST_STALE_MS,
  })
}
