import { PlusOutlined } from '@ant-design/icons'
import { useDroppable } from '@dnd-kit/core'
import { Badge, Button, Empty, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { FieldMeta, ObjectMeta } from '../metadata/types.ts'
import type { Filter } from '../api/records.ts'
import { amountField, cardLinkFields } from './board-fields.ts'
import { formatSums } from '../fields/format-money.ts'
import { KanbanCard } from './KanbanCard.tsx'
import { useBoardColumn } from './use-board-column.ts'
import { useFieldTitles } from '../fields/use-relation-titles.ts'
import type { ColumnTotal } from './use-board-totals.ts'

interface KanbanColumnProps {
  object: ObjectMeta
  field: FieldMeta
  value: string
  title: string
  color?: string
  total?: ColumnTotal
  width: number | string
  onCreate?: () => void
  scope?: Filter
}

/** One option of the board field: its totals, its cards (a page at a time) and a drop target. */
export function KanbanColumn({ object, field, value, title, color, total, width, onCreate, scope }: KanbanColumnProps) {
  const { t } = useTranslation('kanban')
  const { setNodeRef, isOver } = useDroppable({ id: value })
  const cards = useBoardColumn(object, field, value, scope)
  const records = cards.data?.pages.flatMap((page) => page.data) ?? []
  const amount = amountField(object)
  const links = cardLinkFields(object)
  const titles = useFieldTitles(links, records)
  return (
    <section ref={setNodeRef} data-testid={`kanban-column-${value}`} aria-label={title}
      style={{ width, flex: '0 0 auto', background: isOver ? '#e6f4ff' : '#f5f5f5', borderRadius: 8, padding: 8, scrollSnapAlign: 'start', transition: 'background 0.15s' }}>
      <header style={{ display: 'flex', alignItems: 'center', gap: 6, padding: '4px 4px 8px' }}>
        <Badge color={color ?? '#d9d9d9'} />
        <Typography.Text strong ellipsis style={{ flex: 1 }}>{title}</Typography.Text>
        <Typography.Text type="secondary" data-testid={`kanban-count-${value}`}>{total?.count ?? 0}</Typography.Text>
        {onCreate && <Button type="text" size="small" icon={<PlusOutlined />} aria-label={t('newCard')} onClick={onCreate} />}
      </header>
      {amount && <Typography.Text type="secondary" style={{ display: 'block', padding: '0 4px 8px', fontSize: 12 }} data-testid={`kanban-sum-${value}`}>{t('total', { amount: formatSums(total?.sums) })}</Typography.Text>}
      {cards.isPending && <Spin style={{ display: 'block', margin: 16 }} />}
      {!cards.isPending && records.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} style={{ margin: '8px 0' }} />}
      {records.map((record) => <KanbanCard key={record.id} object={object} record={record} column={value} amount={amount} links={links} titles={titles} />)}
      {cards.hasNextPage && (
        <Button block type="dashed" loading={cards.isFetchingNextPage} onClick={() => void cards.fetchNextPage()} data-testid={`kanban-more-${value}`}>{t('loadMore')}</Button>
      )}
    </section>
  )
}
