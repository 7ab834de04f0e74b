import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Flex, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import { recordsApi } from '../api/records.ts'
import { registerMessages } from '../i18n/register-messages.ts'
import { useLabel } from '../metadata/labels.ts'
import { fieldOf, useObjectMeta } from '../metadata/use-metadata.ts'
import { tagsMessages } from './messages.ts'
import { tagsKey, useTags, type TagRecord } from './use-tags.ts'

registerMessages('tags', tagsMessages)

/** /settings/tags: create tags, pick their colour, rename and delete them. */
export function TagsSettings() {
  const { t } = useTranslation('tags')
  const label = useLabel()
  const { message } = App.useApp()
  const client = useQueryClient()
  const { data: tags = [], isPending } = useTags()
  const object = useObjectMeta('tags')
  const colours = (object && fieldOf(object, 'color')?.options) ?? []
  const colourOptions = colours.map((option) => ({ value: option.value, label: <Tag color={option.color}>{label(option.label)}</Tag> }))
  const [name, setName] = useState('')
  const [colour, setColour] = useState<string>('blue')
  const failed = (error: unknown) => message.error(error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : t('failed'))
  const refresh = () => client.invalidateQueries({ queryKey: tagsKey })
  const create = useMutation({
    mutationFn: () => recordsApi.create('tags', { name: name.trim(), color: colour }),
    onSuccess: () => { setName(''); void message.success(t('saved')); void refresh() },
    onError: failed,
  })
  const update = useMutation({
    mutationFn: ({ tag, values }: { tag: TagRecord; values: Partial<TagRecord> }) => recordsApi.update('tags', tag.id, tag.version, values),
    onSuccess: () => void refresh(),
    onError: failed,
  })
  const remove = useMutation({
    mutationFn: (tag: TagRecord) => recordsApi.remove('tags', tag.id, tag.version),
    onSuccess: () => void refresh(),
    onError: failed,
  })
  const mayEdit = Boolean(object?.permissions.update)
  return (
    <Flex vertical gap={12} data-testid="tags-settings">
      <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      {object?.permissions.create && (
        <Flex gap={8} wrap>
          <Input style={{ width: 220 }} placeholder={t('name')} maxLength={50} value={name} onChange={(event) => setName(event.target.value)}
            onPressEnter={() => name.trim() && create.mutate()} data-testid="tag-name" />
          <Select style={{ width: 160 }} value={colour} onChange={setColour} options={colourOptions} aria-label={t('color')} data-testid="tag-color" />
          <Button type="primary" icon={<PlusOutlined />} disabled={!name.trim()} loading={create.isPending} onClick={() => create.mutate()} data-testid="tag-create">{t('new')}</Button>
        </Flex>
      )}
      <Table<TagRecord> size="small" rowKey="id" loading={isPending} dataSource={tags} pagination={false} data-testid="tags-table"
        columns={[
          {
            key: 'name', title: t('name'),
            render: (_, tag) => (mayEdit
              ? <Typography.Text editable={{ onChange: (value) => value.trim() && value !== tag.name && update.mutate({ tag, values: { name: value.trim() } }) }}>{tag.name}</Typography.Text>
              : tag.name),
          },
          {
            key: 'color', title: t('color'), width: 200,
            render: (_, tag) => (mayEdit
              ? <Select style={{ width: 160 }} value={tag.color ?? undefined} options={colourOptions} onChange={(color) => update.mutate({ tag, values: { color } })} />
              : <Tag color={tag.color ?? undefined}>{tag.name}</Tag>),
          },
          {
            key: 'actions', width: 60,
            render: (_, tag) => object?.permissions.delete && (
              <Popconfirm title={t('deleteConfirm', { name: tag.name })} okText={t('delete')} cancelText={t('cancel')} okButtonProps={{ danger: true }} onConfirm={() => remove.mutate(tag)}>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t('delete')} />
              </Popconfirm>
            ),
          },
        ]} />
    </Flex>
  )
}
