import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import { recordsApi, type ApiRecord } from '../api/records.ts'
import type { FieldMeta, ObjectMeta } from '../metadata/types.ts'

const CHUNK = 1000

/** Current values of one list field for the given records (the list may not have loaded that column). */
async function currentValues(object: ObjectMeta, field: FieldMeta, ids: string[]): Promise<Map<string, string[]>> {
  const values = new Map<string, string[]>()
  for (let start = 0; start < ids.length; start += 200) {
    const page = await recordsApi.list(object.name, { filter: { id: { in: ids.slice(start, start + 200) } }, fields: [field.name], limit: 200 })
    for (const record of page.data) values.set(record.id, (record[field.name] as string[] | null) ?? [])
  }
  return values
}

export type BulkChange =
  | { kind: 'owner'; ownerId: string }
  | { kind: 'field'; field: FieldMeta; value: string | string[] }
  | { kind: 'delete' }

/** Bulk owner, field value (a list field gains the values, like adding a tag) and delete, each all-or-nothing per 1,000 records. */
export function useBulkActions(object: ObjectMeta, onDone: () => void) {
  const { t } = useTranslation('records')
  const { message } = App.useApp()
  const client = useQueryClient()
  return useMutation({
    mutationFn: async ({ records, change }: { records: ApiRecord[]; change: BulkChange }) => {
      const ids = records.map((record) => record.id)
      const lists = change.kind === 'field' && change.field.type === 'multi_select' ? await currentValues(object, change.field, ids) : undefined
      for (let start = 0; start < ids.length; start += CHUNK) {
        const chunk = ids.slice(start, start + CHUNK)
        if (change.kind === 'delete') {
          await recordsApi.bulk(object.name, { delete: chunk })
          continue
        }
        const update = chunk.map((id) => {
          if (change.kind === 'owner') return { id, owner_id: change.ownerId }
          const value = lists ? [...new Set([...(lists.get(id) ?? []), ...(change.value as string[])])] : change.value
          return { id, [change.field.name]: value }
        })
        await recordsApi.bulk(object.name, { update })
      }
      return ids.length
    },
    onSuccess: (count, { change }) => {
      message.success(t(change.kind === 'delete' ? 'bulk.deleted' : 'bulk.updated', { count }))
      onDone()
    },
    onError: (error) => message.error(error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : t('bulk.failed')),
    onSettled: () => client.invalidateQueries({ queryKey: ['records', object.name] }),
  })
}
