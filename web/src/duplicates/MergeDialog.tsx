import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Modal, Radio, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { duplicatesApi, type MergeResult } from '../api/duplicates.ts'
import type { ApiRecord } from '../api/records.ts'
import { FieldValue } from '../fields/FieldValue.tsx'
import { editableFields } from '../forms/form-fields.ts'
import { registerMessages } from '../i18n/register-messages.ts'
import { useLabel } from '../metadata/labels.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { duplicatesMessages } from './messages.ts'

registerMessages('duplicates', duplicatesMessages)

interface MergeDialogProps {
  object: ObjectMeta
  records: ApiRecord[]
  open: boolean
  onClose: () => void
  onMerged?: (result: MergeResult) => void
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)

/**
 * Merge two or more records: pick the record to keep, then per field (where they differ) whose value
 * wins. The server moves every linked record and keeps a log, so the notice offers Undo.
 */
export function MergeDialog({ object, records, open, onClose, onMerged }: MergeDialogProps) {
  const { t } = useTranslation('duplicates')
  const { t: tApp } = useTranslation()
  const label = useLabel()
  const { message, notification } = App.useApp()
  const client = useQueryClient()
  const [survivorId, setSurvivorId] = useState(records[0]?.id)
  const [choices, setChoices] = useState<Record<string, string>>({})
  const fields = editableFields(object).filter((field) => field.name !== 'owner_id' && field.relationKind !== 'many_to_many' && !records.every((record) => same(record[field.name], records[0][field.name])))
  // Default per field: the kept record's value, or the first record that has one.
  const chosen = (field: string) => choices[field] ?? (isEmpty(records.find((r) => r.id === survivorId)?.[field]) ? (records.find((r) => !isEmpty(r[field]))?.id ?? survivorId) : survivorId)
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: ['records', object.name] }), client.invalidateQueries({ queryKey: ['record', object.name] }), client.invalidateQueries({ queryKey: ['duplicates'] })])
  const undo = async (mergeId: string, key: string) => {
    try {
      await duplicatesApi.undo(mergeId)
      notification.destroy(key)
      message.success(t('merge.undone'))
    } catch (error) {
      message.error(error instanceof Error ? error.message : tApp('error.generic'))
    }
    await refresh()
  }
  const merge = useMutation({
    mutationFn: () => duplicatesApi.merge(object.name, {
      survivorId: survivorId!,
      mergedIds: records.filter((record) => record.id !== survivorId).map((record) => record.id),
      values: Object.fromEntries(fields.map((field) => [field.name, chosen(field.name)])),
    }),
    onSuccess: async (result) => {
      const key = `merge-${result.id}`
      notification.success({
        key,
        title: t('merge.done', { moved: result.moved }),
        duration: 15,
        actions: <Button size="small" onClick={() => void undo(result.id, key)} data-testid="merge-undo">{t('merge.undo')}</Button>,
      })
      await refresh()
      onMerged?.(result)
      onClose()
    },
    onError: (error) => message.error(error instanceof Error ? error.message : tApp('error.generic')),
  })
  const columns = [
    { key: 'field', title: t('merge.field'), width: 140, render: (_: unknown, field: (typeof fields)[number]) => label(field.label) },
    ...records.map((record) => ({
      key: record.id,
      title: (
        <Radio checked={survivorId === record.id} onChange={() => setSurvivorId(record.id)} data-testid="merge-survivor">
          <Typography.Text strong>{String(record[object.titleField] ?? '')}</Typography.Text>
          <div><Typography.Text type="secondary">{t('merge.survivor')}</Typography.Text></div>
        </Radio>
      ),
      render: (_: unknown, field: (typeof fields)[number]) => (
        <Radio checked={chosen(field.name) === record.id} onChange={() => setChoices((current) => ({ ...current, [field.name]: record.id }))}>
          {isEmpty(record[field.name]) ? <Typography.Text type="secondary">{t('merge.empty')}</Typography.Text> : <FieldValue field={field} value={record[field.name]} />}
        </Radio>
      ),
    })),
  ]
  return (
    <Modal
      open={open}
      onCancel={onClose}
      width={Math.min(240 + records.length * 260, 1100)}
      title={t('merge.title', { count: records.length })}
      okText={t('merge.confirm')}
      okButtonProps={{ danger: true, loading: merge.isPending, 'data-testid': 'merge-confirm' }}
      onOk={() => merge.mutate()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('merge.intro')}</Typography.Paragraph>
      <Table rowKey="name" size="small" pagination={false} columns={columns} dataSource={fields} scroll={{ x: true }} />
    </Modal>
  )
}
