import { useMutation, useQueryClient } from '@tanstack/react-query'
import { recordsApi, type ApiRecord } from '../api/records.ts'
import { recordKey, timelineKey } from './use-record.ts'

/** PATCH one field with the version the page shows; a stale version is refused (412), not overwritten. */
export function useSaveField(object: string, record: ApiRecord) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ field, value }: { field: string; value: unknown }) => recordsApi.update(object, record.id, record.version, { [field]: value }),
    onSuccess: async (saved) => {
      client.setQueryData(recordKey(object, record.id), saved)
      await Promise.all([client.invalidateQueries({ queryKey: timelineKey(object, record.id) }), client.invalidateQueries({ queryKey: ['records', object] })])
    },
  })
}
