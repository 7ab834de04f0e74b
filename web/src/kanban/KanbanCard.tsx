import { useDraggable } from '@dnd-kit/core'
import { Card, Space, Typography } from 'antd'
import { Link } from 'react-router'
import type { ApiRecord } from '../api/records.ts'
import { FieldValue } from '../fields/FieldValue.tsx'
import type { FieldMeta, ObjectMeta } from '../metadata/types.ts'

interface CardBodyProps {
  object: ObjectMeta
  record: ApiRecord
  amount?: FieldMeta
  links: FieldMeta[]
  titles: Record<string, string>
}

/** What a card shows: title (a link to the record), amount, owner and linked records. */
export function CardBody({ object, record, amount, links, titles }: CardBodyProps) {
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      <Link to={`/o/${object.name}/${record.id}`} style={{ fontWeight: 500 }} draggable={false}>{String(record[object.titleField] ?? '') || record.id.slice(0, 8)}</Link>
      {amount && record[amount.name] != null && <Typography.Text strong><FieldValue field={amount} value={record[amount.name]} /></Typography.Text>}
      {links.filter((field) => record[field.name] != null).map((field) => (
        <Typography.Text key={field.name} type="secondary" ellipsis style={{ fontSize: 12 }}>
          <FieldValue field={field} value={record[field.name]} titles={titles} />
        </Typography.Text>
      ))}
    </Space>
  )
}

/** A card that can be dragged to another column; the overlay shows it while it moves. */
export function KanbanCard(props: CardBodyProps & { column: string }) {
  const { record, column, titles } = props
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: record.id, data: { record, column, titles } })
  return (
    <Card ref={setNodeRef} {...attributes} {...listeners} size="small" data-testid={`kanban-card-${record.id}`}
      style={{ marginBottom: 8, cursor: 'grab', opacity: isDragging ? 0.4 : 1, touchAction: 'manipulation' }}>
      <CardBody {...props} />
    </Card>
  )
}
