import { useQuery } from '@tanstack/react-query'
import { recordsApi } from '../api/records.ts'
import { useMetadata } from '../metadata/use-metadata.ts'

/** Names of linked records (relation and user fields), fetched once per page of ids. */
export function useRecordTitles(target: string | undefined, ids: string[]) {
  const { data: objects } = useMetadata()
  const object = objects?.find((candidate) => candidate.name === target)
  const unique = [...new Set(ids.filter(Boolean))].sort()
  const query = useQuery({
    queryKey: ['titles', target, unique],
    enabled: Boolean(object) && unique.length > 0,
    staleTime: 60_000,
    queryFn: async () => {
      const titles: Record<string, string> = {}
      for (let start = 0; start < unique.length; start += 200) {
        const chunk = unique.slice(start, start + 200)
        const page = await recordsApi.list(object!.name, { filter: { id: { in: chunk } }, fields: [object!.titleField], limit: 200 })
        for (const record of page.data) titles[record.id] = String(record[object!.titleField] ?? '')
      }
      return titles
    },
  })
  return query.data ?? {}
}
