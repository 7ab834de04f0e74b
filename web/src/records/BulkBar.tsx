import { DeleteOutlined, TagsOutlined, UserSwitchOutlined } from '@ant-design/icons'
import { App, Button, Flex, Popover, Select, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiRecord } from '../api/records.ts'
import { RecordPicker } from '../fields/RecordPicker.tsx'
import { editableFields } from '../forms/form-fields.ts'
import { useLabel } from '../metadata/labels.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { useBulkActions } from './use-bulk-actions.ts'
import { BulkTagAction } from '../tags/BulkTagAction.tsx'

interface BulkBarProps {
  object: ObjectMeta
  records: ApiRecord[]
  onDone: () => void
}

/** What to do with the selected rows: assign an owner, set a choice (add a tag), delete. */
export function BulkBar({ object, records, onDone }: BulkBarProps) {
  const { t } = useTranslation('records')
  const { modal } = App.useApp()
  const bulk = useBulkActions(object, onDone)
  const count = records.length
  const confirmDelete = () => modal.confirm({
    title: t('bulk.deleteTitle', { count }),
    content: t('bulk.deleteBody'),
    okText: t('bulk.delete'),
    okButtonProps: { danger: true, ...{ 'data-testid': 'bulk-delete-confirm' } },
    cancelText: t('filters.cancel'),
    onOk: () => bulk.mutateAsync({ records, change: { kind: 'delete' } }).catch(() => undefined),
  })
  return (
    <Flex align="center" gap={8} wrap data-testid="bulk-bar" style={{ padding: '8px 12px', background: '#e6f4ff', borderRadius: 8 }}>
      <Typography.Text strong>{t('bulk.selected', { count })}</Typography.Text>
      {object.owned && object.permissions.update && (
        <OwnerAction onApply={(ownerId) => bulk.mutate({ records, change: { kind: 'owner', ownerId } })} loading={bulk.isPending} />
      )}
      {object.permissions.update && <BulkTagAction object={object} records={records} onDone={onDone} />}
      {object.permissions.update && <FieldAction object={object} onApply={(change) => bulk.mutate({ records, change: { kind: 'field', ...change } })} loading={bulk.isPending} />}
      {object.permissions.delete && (
        <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} loading={bulk.isPending} data-testid="bulk-delete">{t('bulk.delete')}</Button>
      )}
      <Button type="link" onClick={onDone}>{t('bulk.clear')}</Button>
    </Flex>
  )
}

function OwnerAction({ onApply, loading }: { onApply: (ownerId: string) => void; loading: boolean }) {
  const { t } = useTranslation('records')
  const [open, setOpen] = useState(false)
  const [owner, setOwner] = useState<string | null>(null)
  const content = (
    <Flex vertical gap={8} style={{ width: 260 }}>
      <div data-testid="bulk-owner-picker"><RecordPicker target="users" value={owner} onChange={(value) => setOwner(value as string | null)} /></div>
      <Button type="primary" disabled={!owner} data-testid="bulk-owner-apply" onClick={() => { onApply(owner!); setOpen(false) }}>{t('bulk.apply')}</Button>
    </Flex>
  )
  return (
    <Popover trigger="click" open={open} onOpenChange={setOpen} title={t('bulk.ownerTitle')} content={content}>
      <Button icon={<UserSwitchOutlined />} loading={loading} data-testid="bulk-owner">{t('bulk.owner')}</Button>
    </Popover>
  )
}

function FieldAction({ object, onApply, loading }: { object: ObjectMeta; onApply: (change: { field: ObjectMeta['fields'][number]; value: string | string[] }) => void; loading: boolean }) {
  const { t } = useTranslation('records')
  const label = useLabel()
  const choices = editableFields(object).filter((field) => field.type === 'single_select' || field.type === 'multi_select')
  const tags = choices.find((field) => field.name === 'tags' && field.type === 'multi_select')
  const [open, setOpen] = useState(false)
  const [fieldName, setFieldName] = useState(tags?.name ?? choices[0]?.name)
  const [value, setValue] = useState<string | string[] | null>(null)
  const field = choices.find((candidate) => candidate.name === fieldName)
  if (choices.length === 0) return null
  const multiple = field?.type === 'multi_select'
  const content = (
    <Flex vertical gap={8} style={{ width: 280 }}>
      {!tags && (
        <Select value={fieldName} onChange={(name) => { setFieldName(name); setValue(null) }} data-testid="bulk-field-name"
          options={choices.map((choice) => ({ value: choice.name, label: label(choice.label) }))} />
      )}
      <Select mode={multiple ? 'multiple' : undefined} value={value ?? (multiple ? [] : null)} onChange={setValue} data-testid="bulk-field-value"
        placeholder={multiple ? t('bulk.addValues') : t('bulk.setValue')}
        options={(field?.options ?? []).map((option) => ({ value: option.value, label: label(option.label) }))} />
      <Button type="primary" disabled={!field || value === null || (Array.isArray(value) && value.length === 0)} data-testid="bulk-field-apply"
        onClick={() => { onApply({ field: field!, value: value! }); setOpen(false); setValue(null) }}>{t('bulk.apply')}</Button>
    </Flex>
  )
  return (
    <Popover trigger="click" open={open} onOpenChange={setOpen} title={tags ? t('bulk.addTag') : t('bulk.setField')} content={content}>
      <Button icon={<TagsOutlined />} loading={loading} data-testid="bulk-field">{tags ? t('bulk.addTag') : t('bulk.setField')}</Button>
    </Popover>
  )
}
