import { DndContext, DragOverlay, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core'
import { Card } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { recordsApi, type ApiRecord, type Filter } from '../api/records.ts'
import { RecordForm } from '../forms/RecordForm.tsx'
import { useLabel } from '../metadata/labels.ts'
import type { FieldMeta, ObjectMeta } from '../metadata/types.ts'
import { amountField, cardLinkFields, NO_VALUE } from './board-fields.ts'
import { useBoardSensors } from './board-sensors.ts'
import { CardBody } from './KanbanCard.tsx'
import { KanbanColumn } from './KanbanColumn.tsx'
import { useBoardTotals } from './use-board-totals.ts'
import { MoveFieldsDialog, type MissingFields } from './MoveFieldsDialog.tsx'
import { useMoveCard, type Move } from './use-move-card.ts'
import { useIsPhone } from '../app/use-is-phone.ts'

// Scroll the board only when the card nears its very edge, and gently, so a drop lands where it is aimed.
const AUTO_SCROLL = { threshold: { x: 0.08, y: 0.12 }, acceleration: 6 }

interface DragData {
  record: ApiRecord
  column: string
  titles: Record<string, string>
}

/** Part of the records on the board: only these columns (in this order), matching `filter`, new cards with `values`. */
export interface BoardScope {
  filter: Filter
  columns: string[]
  values: Record<string, unknown>
}

/** The columns of a board field, in option order, with drag-and-drop between them. */
export function KanbanBoard({ object, field, scope }: { object: ObjectMeta; field: FieldMeta; scope?: BoardScope }) {
  const { t } = useTranslation('kanban')
  const label = useLabel()
  const phone = useIsPhone()
  const sensors = useBoardSensors()
  const totals = useBoardTotals(object, field, scope?.filter)
  const [needs, setNeeds] = useState<{ move: Move; missing: MissingFields }>()
  const move = useMoveCard(object, field, scope?.filter, (refused, missing) => setNeeds({ move: refused, missing }))
  const [dragged, setDragged] = useState<DragData>()
  const [createIn, setCreateIn] = useState<string>()
  const options = scope ? scope.columns.flatMap((value) => field.options?.filter((option) => option.value === value) ?? []) : (field.options ?? [])
  const columns = options.map((option) => ({ value: option.value, title: label(option.label), color: option.color }))
  // Records without a value get their own column, shown only when there are some.
  if ((totals.data?.[NO_VALUE]?.count ?? 0) > 0) columns.push({ value: NO_VALUE, title: t('noValue'), color: undefined })
  const canUpdate = object.permissions.update

  const onDragStart = ({ active }: DragStartEvent) => setDragged(active.data.current as DragData)
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(undefined)
    const data = active.data.current as DragData
    if (!over || over.id === data.column) return
    move.mutate({ record: data.record, from: data.column, to: String(over.id) })
  }
  return (
    <DndContext sensors={canUpdate ? sensors : []} autoScroll={AUTO_SCROLL} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragged(undefined)}>
      <div data-testid="kanban-board" style={{ display: 'flex', gap: 12, overflowX: 'auto', alignItems: 'flex-start', paddingBottom: 12, scrollSnapType: phone ? 'x mandatory' : undefined }}>
        {columns.map((column) => (
          <KanbanColumn key={column.value} object={object} field={field} {...column} total={totals.data?.[column.value]} width={phone ? '85vw' : 272} scope={scope?.filter}
            onCreate={object.permissions.create && column.value !== NO_VALUE ? () => setCreateIn(column.value) : undefined} />
        ))}
      </div>
      <DragOverlay dropAnimation={null}>
        {dragged && (
          <Card size="small" style={{ cursor: 'grabbing', boxShadow: '0 6px 16px rgba(0,0,0,0.15)', width: phone ? '80vw' : 256 }}>
            <CardBody object={object} record={dragged.record} amount={amountField(object)} links={cardLinkFields(object)} titles={dragged.titles} />
          </Card>
        )}
      </DragOverlay>
      {needs && (
        <MoveFieldsDialog missing={needs.missing} title={t('moveNeeds.title', { column: columns.find((column) => column.value === needs.move.to)?.title ?? needs.move.to })}
          onCancel={() => setNeeds(undefined)}
          onSubmit={(extra) => {
            // The refused move re-read the card: move it again from where it is, at its current version.
            const record = needs.move.record
            setNeeds(undefined)
            void recordsApi.get(object.name, record.id).then((fresh) => move.mutate({ ...needs.move, record: { ...record, ...fresh }, extra }))
          }} />
      )}
      <RecordForm object={object} open={createIn !== undefined} initialValues={createIn ? { ...scope?.values, [field.name]: createIn } : undefined} onClose={() => setCreateIn(undefined)} />
    </DndContext>
  )
}
