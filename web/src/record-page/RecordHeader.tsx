import { DeleteOutlined, UserOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Descriptions, Flex, Popconfirm, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { recordsApi, type ApiRecord } from '../api/records.ts'
import { FieldValue } from '../fields/FieldValue.tsx'
import { editableFields } from '../forms/form-fields.ts'
import { useFieldTitles } from '../fields/use-relation-titles.ts'
import { useLabel } from '../metadata/labels.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { InlineField } from './InlineField.tsx'
import { keyFields } from './related-objects.ts'
import { RecordFigures } from './RecordFigures.tsx'
import type { Figure } from './use-record-figures.ts'

interface RecordHeaderProps {
  object: ObjectMeta
  record: ApiRecord
  figures: Figure[]
}

/** Name, owner, the telling fields and the figures of a record, with delete. */
export function RecordHeader({ object, record, figures }: RecordHeaderProps) {
  const { t } = useTranslation('record-page')
  const { t: tApp } = useTranslation()
  const label = useLabel()
  const navigate = useNavigate()
  const client = useQueryClient()
  const { message } = App.useApp()
  const owner = object.fields.find((field) => field.name === 'owner_id')
  const keys = keyFields(object)
  const titles = useFieldTitles([...(owner ? [owner] : []), ...keys.filter((field) => field.type === 'relation')], [record])
  const editable = new Set(object.permissions.update ? editableFields(object).map((field) => field.name) : [])
  const remove = async () => {
    try {
      await recordsApi.remove(object.name, record.id, record.version)
      message.success(tApp('state.deleted'))
      await client.invalidateQueries({ queryKey: ['records', object.name] })
      navigate(`/o/${object.name}`)
    } catch (error) {
      message.error(error instanceof Error ? error.message : tApp('error.generic'))
    }
  }
  return (
    <Card size="small" data-testid="record-header">
      <Flex align="flex-start" gap={12} wrap>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text type="secondary">{label(object.label)}</Typography.Text>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="record-title">{String(record[object.titleField] ?? '') || record.id.slice(0, 8)}</Typography.Title>
          {owner && record.owner_id != null && (
            <Space size={4} style={{ marginTop: 4 }} data-testid="record-owner">
              <UserOutlined />
              <Typography.Text type="secondary">{label(owner.label)}</Typography.Text>
              <FieldValue field={owner} value={record.owner_id} titles={titles} />
            </Space>
          )}
        </div>
        {object.permissions.delete && (
          <Popconfirm title={t('deleteConfirm')} okText={tApp('action.delete')} cancelText={tApp('action.cancel')} okButtonProps={{ danger: true }} onConfirm={remove}>
            <Button danger icon={<DeleteOutlined />} data-testid="record-delete">{tApp('action.delete')}</Button>
          </Popconfirm>
        )}
      </Flex>
      {keys.length > 0 && (
        <Descriptions size="small" style={{ marginTop: 12 }} column={{ xs: 2, sm: 2, md: 4 }} layout="vertical"
          items={keys.map((field) => ({ key: field.name, label: label(field.label), children: <InlineField object={object.name} record={record} field={field} titles={titles} editable={editable.has(field.name)} /> }))} />
      )}
      <RecordFigures figures={figures} />
    </Card>
  )
}
