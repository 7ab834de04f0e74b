import { useQueries } from '@tanstack/react-query'
import { recordsApi, type ApiRecord } from '../api/records.ts'
import { useMetadata } from '../metadata/use-metadata.ts'
import type { FieldMeta } from '../metadata/types.ts'

export const targetOf = (field: FieldMeta) => (field.type === 'user' ? 'users' : field.type === 'relation' ? field.target : undefined)

/**
 * Names of the records the shown relation and user columns point to: one query per target object
 * and page of rows, so loading page 20 asks only for page 20's names (same cache keys as
 * fields/use-record-titles.ts). Returns titles by target, then id.
 */
export function useRelationTitles(fields: FieldMeta[], pages: ApiRecord[][]): Record<string, Record<string, string>> {
  const { data: objects = [] } = useMetadata()
  const wanted: { target: string; titleField: string; ids: string[] }[] = []
  for (const records of pages) {
    const idsByTarget = new Map<string, Set<string>>()
    for (const field of fields) {
      const target = targetOf(field)
      if (!target || field.name === 'id') continue
      const ids = idsByTarget.get(target) ?? new Set<string>()
      for (const record of records) {
        const value = record[field.name]
        for (const id of Array.isArray(value) ? value : value ? [value] : []) ids.add(String(id))
      }
      idsByTarget.set(target, ids)
    }
    for (const [target, ids] of idsByTarget) {
      const object = objects.find((candidate) => candidate.name === target)
      if (object && ids.size > 0) wanted.push({ target, titleField: object.titleField, ids: [...ids].sort() })
    }
  }
  const results = useQueries({
    queries: wanted.map(({ target, titleField, ids }) => ({
      queryKey: ['titles', target, ids],
      staleTime: 60_000,
      queryFn: async () => {
        const titles: Record<string, string> = {}
        const page = await recordsApi.list(target, { filter: { id: { in: ids } }, fields: [titleField], limit: 200 })
        for (const record of page.data) titles[record.id] = String(record[titleField] ?? '')
        return titles
      },
    })),
  })
  const titles: Record<string, Record<string, string>> = {}
  wanted.forEach(({ target }, index) => (titles[target] = { ...titles[target], ...results[index].data }))
  return titles
}

/** The same names in one map by id (ids are unique across objects): for a board's cards or one record. */
export function useFieldTitles(fields: FieldMeta[], records: ApiRecord[]): Record<string, string> {
  const byTarget = useRelationTitles(fields, [records])
  return Object.assign({}, ...Object.values(byTarget)) as Record<string, string>
}
