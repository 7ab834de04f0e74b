import { useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Flex } from 'antd'
import { Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { duplicatesApi } from '../api/duplicates.ts'
import type { ApiRecord } from '../api/records.ts'
import { lazyNamed } from '../app/lazy-named.ts'
import { Muted } from '../app/text.tsx'
import { registerMessages } from '../i18n/register-messages.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { DuplicateList } from './DuplicateWarning.tsx'
import { duplicatesMessages } from './messages.ts'
import { useDuplicateCheck } from './use-duplicate-check.ts'

registerMessages('duplicates', duplicatesMessages)

const MergeDialog = lazyNamed(() => import('./MergeDialog.tsx'), 'MergeDialog')

/** On a record page: its likely duplicates (with Merge) and the merges into it (with Undo). */
export function RecordDuplicates({ object, record }: { object: ObjectMeta; record: ApiRecord }) {
  const { t } = useTranslation('duplicates')
  const { t: tApp } = useTranslation()
  const { message } = App.useApp()
  const client = useQueryClient()
  const navigate = useNavigate()
  const [merging, setMerging] = useState(false)
  const check = useDuplicateCheck(object, record, record.id)
  const history = useQuery({ queryKey: ['duplicates', 'history', object.name, record.id], queryFn: () => duplicatesApi.history(object.name, record.id) })
  const matches = check.data?.data ?? []
  const canMerge = object.permissions.update && object.permissions.delete
  const undo = async (mergeId: string) => {
    try {
      await duplicatesApi.undo(mergeId)
      message.success(t('merge.undone'))
    } catch (error) {
      message.error(error instanceof Error ? error.message : tApp('error.generic'))
    }
    await Promise.all([client.invalidateQueries({ queryKey: ['duplicates'] }), client.invalidateQueries({ queryKey: ['record', object.name] }), client.invalidateQueries({ queryKey: ['records'] })])
  }
  const merges = (history.data?.data ?? []).filter((merge) => !merge.undone_at)
  if (matches.length === 0 && merges.length === 0) return null
  return (
    <Flex vertical gap={8}>
      <DuplicateList
        object={object}
        matches={matches}
        action={canMerge && <Button size="small" onClick={() => setMerging(true)} data-testid="merge-open">{t('merge.open')}</Button>}
      />
      {merges.map((merge) => (
        <Flex key={merge.id} gap={8} align="center">
          <Muted>{t('history.entry', { count: merge.merged_ids.length, date: new Date(merge.created_at).toLocaleString() })}</Muted>
          {canMerge && <Button size="small" type="link" onClick={() => void undo(merge.id)} data-testid="merge-history-undo">{t('merge.undo')}</Button>}
        </Flex>
      ))}
      {merging && (
        <Suspense fallback={null}>
          <MergeDialog
            object={object}
            records={[record, ...matches.map((match) => match.record)]}
            open
            onClose={() => setMerging(false)}
            onMerged={(result) => {
              if (result.survivor.id !== record.id) navigate(`/o/${object.name}/${result.survivor.id}`)
            }}
          />
        </Suspense>
      )}
    </Flex>
  )
}
