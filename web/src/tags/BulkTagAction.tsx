import { TagsOutlined } from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Flex, Popover, Select, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, request } from '../api/client.ts'
import type { ApiRecord } from '../api/records.ts'
import { registerMessages } from '../i18n/register-messages.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { tagsMessages } from './messages.ts'
import { isTagsField, useTags } from './use-tags.ts'

registerMessages('tags', tagsMessages)

const CHUNK = 1000

/**
 * The bulk bar's "add tags": the server adds the chosen tags to each record's own list (and removes
 * others when asked), so tags a record already has are never dropped.
 */
export function BulkTagAction({ object, records, onDone }: { object: ObjectMeta; records: ApiRecord[]; onDone: () => void }) {
  const { t } = useTranslation('tags')
  const { message } = App.useApp()
  const client = useQueryClient()
  const { data: tags = [] } = useTags()
  const [open, setOpen] = useState(false)
  const [add, setAdd] = useState<string[]>([])
  const [remove, setRemove] = useState<string[]>([])
  const field = object.fields.find(isTagsField)
  const apply = useMutation({
    mutationFn: async () => {
      const ids = records.map((record) => record.id)
      for (let start = 0; start < ids.length; start += CHUNK) {
        await request(`/api/v1/${encodeURIComponent(object.name)}/bulk-tags`, { method: 'POST', body: { ids: ids.slice(start, start + CHUNK), add, remove, field: field!.name } })
      }
      return ids.length
    },
    onSuccess: (count) => {
      message.success(t('bulk.done', { count }))
      setOpen(false)
      setAdd([])
      setRemove([])
      onDone()
    },
    onError: (error) => message.error(error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : t('failed')),
    onSettled: () => client.invalidateQueries({ queryKey: ['records', object.name] }),
  })
  if (!field) return null
  const options = tags.map((tag) => ({ value: tag.id, label: <Tag color={tag.color ?? undefined}>{tag.name}</Tag>, title: tag.name }))
  const content = (
    <Flex vertical gap={8} style={{ width: 300 }}>
      <Select mode="multiple" value={add} onChange={setAdd} options={options} placeholder={t('bulk.add')} optionFilterProp="title" data-testid="bulk-tags-add" />
      <Select mode="multiple" value={remove} onChange={setRemove} options={options} placeholder={t('bulk.remove')} optionFilterProp="title" data-testid="bulk-tags-remove" />
      <Button type="primary" disabled={add.length === 0 && remove.length === 0} loading={apply.isPending} onClick={() => apply.mutate()} data-testid="bulk-tags-apply">
        {t('bulk.apply')}
      </Button>
    </Flex>
  )
  return (
    <Popover trigger="click" open={open} onOpenChange={setOpen} title={t('bulk.title')} content={content}>
      <Button icon={<TagsOutlined />} loading={apply.isPending} data-testid="bulk-tags">{t('bulk.add')}</Button>
    </Popover>
  )
}
