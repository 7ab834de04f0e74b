import type { UseInfiniteQueryResult } from '@tanstack/react-query'
import { Card, Empty, Flex, Spin, Typography } from 'antd'
import { useNavigate } from 'react-router'
import type { ApiRecord } from '../api/records.ts'
import { FieldValue } from '../fields/FieldValue.tsx'
import { useLabel } from '../metadata/labels.ts'
import type { FieldMeta, ObjectMeta } from '../metadata/types.ts'
import { fieldOf } from '../metadata/use-metadata.ts'
import { cardFields } from './list-state.ts'
import { LoadMore } from './LoadMore.tsx'
import type { ListData } from './use-list-query.ts'
import { targetOf, useRelationTitles } from '../fields/use-relation-titles.ts'

interface RecordCardsProps {
  object: ObjectMeta
  columns: string[]
  query: UseInfiniteQueryResult<ListData>
  records: ApiRecord[]
}

/** The list on a phone: a card per record with its title and a few key fields; a tap opens the record. */
export function RecordCards({ object, columns, query, records }: RecordCardsProps) {
  const label = useLabel()
  const navigate = useNavigate()
  const fields = cardFields(object, columns).map((name) => fieldOf(object, name)).filter((field): field is FieldMeta => Boolean(field))
  const titles = useRelationTitles(fields, query.data?.pages.map((page) => page.data) ?? [])
  if (query.isPending) return <Flex justify="center" style={{ padding: 32 }}><Spin /></Flex>
  if (records.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
  return (
    <Flex vertical gap={8} data-testid="record-cards">
      {records.map((record) => (
        <Card key={record.id} size="small" hoverable data-testid="record-card" data-id={record.id} onClick={() => navigate(`/o/${object.name}/${record.id}`)}>
          <Typography.Text strong style={{ fontSize: 15 }}>{String(record[object.titleField] ?? '') || record.id.slice(0, 8)}</Typography.Text>
          {fields.map((field) => {
            const target = targetOf(field)
            return (
              <Flex key={field.name} gap={8} style={{ marginTop: 4 }}>
                <Typography.Text type="secondary" style={{ flex: '0 0 88px' }} ellipsis>{label(field.label)}</Typography.Text>
                <div style={{ minWidth: 0, flex: 1 }}><FieldValue field={field} value={record[field.name]} titles={target ? titles[target] : undefined} /></div>
              </Flex>
            )
          })}
        </Card>
      ))}
      <LoadMore query={query} shown={records.length} />
    </Flex>
  )
}
