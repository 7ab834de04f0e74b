import { useQuery } from '@tanstack/react-query'
import { recordsApi } from '../api/records.ts'

export interface TagRecord {
  id: string
  version: number
  name: string
  color: string | null
  description: string | null
}

export const tagsKey = ['records', 'tags', 'all'] as const

/** Every tag of the workspace (a few hundred at most), for chips and pickers. */
export function useTags() {
  return useQuery({
    queryKey: tagsKey,
    staleTime: 60_000,
    queryFn: async () => (await recordsApi.list('tags', { sort: 'name', limit: 200 })).data as unknown as TagRecord[],
  })
}

export { isTagsField } from '../fields/is-tags-field.ts'
