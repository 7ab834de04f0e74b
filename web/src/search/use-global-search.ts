import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import type { SearchGroup, SearchHit } from '../../../server/src/search/search-types.ts'
import { request } from '../api/client.ts'

export type { SearchGroup, SearchHit }

/** Waits for a pause in typing so every keystroke does not become a request. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

/** GET /api/v1/search: every object the caller may read, grouped by object. */
export function useGlobalSearch(text: string) {
  const q = useDebounced(text.trim(), 150)
  const query = useQuery<SearchGroup[]>({
    queryKey: ['search', q],
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    queryFn: ({ signal }) => request<{ data: SearchGroup[] }>(`/api/v1/search?${new URLSearchParams({ q, limit: '8' })}`, { signal }).then((response) => response.data),
  })
  return { q, groups: q ? (query.data ?? []) : [], isFetching: query.isFetching }
}
