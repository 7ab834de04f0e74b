import { PlusOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { Button, List, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { recordsApi, type ApiRecord } from '../api/records.ts'
import { FieldValue } from '../fields/FieldValue.tsx'
import { RecordForm } from '../forms/RecordForm.tsx'
import { useLabel } from '../metadata/labels.ts'
import type { FieldMeta, ObjectMeta } from '../metadata/types.ts'
import type { Relationship } from './related-objects.ts'

const ROWS = 5
const SHOWN_TYPES: FieldMeta['type'][] = ['single_select', 'currency', 'phone', 'email', 'date', 'datetime']

/** Up to two fields that say most about a related row besides its title. */
const summaryFields = (object: ObjectMeta, link: FieldMeta) =>
  object.fields.filter((field) => SHOWN_TYPES.includes(field.type) && !field.system && field.name !== link.name).slice(0, 2)

export const relatedListKey = (relationship: Relationship, id: string) => ['records', relationship.object.name, 'related', relationship.field.name, id] as const

/** The first records of one object linking to this record, and "new" prefilled with the link. */
export function RelatedList({ relationship, record, onCreated }: { relationship: Relationship; record: ApiRecord; onCreated?: () => void }) {
  const { t } = useTranslation('record-page')
  const label = useLabel()
  const [creating, setCreating] = useState(false)
  const { object, field } = relationship
  const shown = summaryFields(object, field)
  const rows = useQuery({
    queryKey: relatedListKey(relationship, record.id),
    queryFn: () => recordsApi.list(object.name, { filter: { [field.name]: { eq: record.id } }, limit: ROWS, sort: object.defaultSort, fields: [object.titleField, ...shown.map((item) => item.name)] }),
  })
  return (
    <div data-testid={`related-${object.name}-${field.name}`}>
      <List<ApiRecord>
        size="small"
        loading={rows.isPending}
        dataSource={rows.data?.data ?? []}
        locale={{ emptyText: t('relatedEmpty') }}
        renderItem={(row) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/o/${object.name}/${row.id}`}>{String(row[object.titleField] ?? '') || row.id.slice(0, 8)}</Link>}
              description={shown.some((item) => row[item.name] != null) && (
                <span style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>{shown.map((item) => <FieldValue key={item.name} field={item} value={row[item.name]} />)}</span>
              )}
            />
          </List.Item>
        )}
      />
      {rows.data?.next_cursor && <Typography.Text type="secondary">{t('relatedMore', { count: ROWS })}</Typography.Text>}
      {object.permissions.create && (
        <Button icon={<PlusOutlined />} size="small" style={{ marginTop: 8 }} onClick={() => setCreating(true)} data-testid={`related-new-${object.name}-${field.name}`}>
          {t('relatedNew', { object: label(object.label) })}
        </Button>
      )}
      <RecordForm object={object} open={creating} initialValues={{ [field.name]: record.id }} onClose={() => setCreating(false)} onSaved={onCreated} />
    </div>
  )
}
