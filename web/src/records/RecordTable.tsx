import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons'
import { useVirtualizer } from '@tanstack/react-virtual'
import { Checkbox, Empty, Spin } from 'antd'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ApiRecord } from '../api/records.ts'
import { editableFields } from '../forms/form-fields.ts'
import { useLabel } from '../metadata/labels.ts'
import type { FieldMeta, ObjectMeta } from '../metadata/types.ts'
import { fieldOf } from '../metadata/use-metadata.ts'
import { InlineCell } from './InlineCell.tsx'
import type { ListState } from './list-state.ts'
import { LoadMore } from './LoadMore.tsx'
import './record-table.css'
import type { ListQueryResult, ListRequest } from './use-list-query.ts'
import { targetOf, useRelationTitles } from '../fields/use-relation-titles.ts'

interface RecordTableProps {
  object: ObjectMeta
  state: ListState
  onChange: (update: (state: ListState) => ListState) => void
  list: ListRequest
  query: ListQueryResult
  records: ApiRecord[]
  selected: string[]
  onSelect: (ids: string[]) => void
}

const ROW_HEIGHT = 45
const SELECT_WIDTH = 44
const TITLE_WIDTH = 220
const WIDTH: Partial<Record<FieldMeta['type'], number>> = {
  long_text: 280, rich_text: 280, address: 260, multi_select: 220, datetime: 170, currency: 150, email: 220, relation: 200, user: 120,
}
// Edited in the full form only: several inputs that do not fit a cell.
const NOT_INLINE = new Set(['address', 'file', 'rich_text', 'auto_number'])
/** Rows from the end of what is loaded at which the next page is asked for. */
const PREFETCH_ROWS = 15

/**
 * The desktop list: one column per chosen field, sortable headers, row selection, inline edit.
 * Only the rows in view are in the page (virtual scrolling), and the next 50 come by cursor as the
 * end nears, so scrolling stays smooth however far one goes into a million records.
 */
export function RecordTable({ object, state, onChange, list, query, records, selected, onSelect }: RecordTableProps) {
  const { t } = useTranslation('records')
  const label = useLabel()
  const scroller = useRef<HTMLDivElement>(null)
  const fields = state.columns.map((name) => fieldOf(object, name)).filter((field): field is FieldMeta => Boolean(field))
  const titles = useRelationTitles(fields, query.data?.pages.map((page) => page.data) ?? [])
  const editable = new Set(object.permissions.update ? editableFields(object).map((field) => field.name) : [])
  const selectable = object.permissions.update || object.permissions.delete
  const sortField = list.sort.replace(/^-/, '')
  const descending = list.sort.startsWith('-')
  const rows = useVirtualizer({ count: records.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 })
  const items = rows.getVirtualItems()
  const lastIndex = items.at(-1)?.index ?? 0
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query
  const listIdentity = JSON.stringify(list)
  // Another sort, filter or search starts again at the top.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 })
  }, [listIdentity])
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= records.length - PREFETCH_ROWS) void fetchNextPage()
  }, [lastIndex, records.length, hasNextPage, isFetchingNextPage, fetchNextPage])

  const widthOf = (field: FieldMeta) => (field.name === object.titleField ? TITLE_WIDTH : (WIDTH[field.type] ?? 140))
  const totalWidth = fields.reduce((sum, field) => sum + widthOf(field), selectable ? SELECT_WIDTH : 0)
  const titleLeft = selectable ? SELECT_WIDTH : 0
  const nextSort = (field: FieldMeta) =>
    field.name !== sortField ? field.name : descending ? undefined : `-${field.name}`
  const toggle = (id: string, on: boolean) => onSelect(on ? [...selected, id] : selected.filter((candidate) => candidate !== id))
  const allSelected = records.length > 0 && selected.length === records.length
  const paddingTop = items[0]?.start ?? 0
  const paddingBottom = rows.getTotalSize() - (items.at(-1)?.end ?? 0)

  return (
    <div data-testid="list-table">
      <div ref={scroller} className="rapport-grid-scroller">
        <table className="rapport-grid" style={{ width: totalWidth, minWidth: '100%' }}>
          <colgroup>
            {selectable && <col style={{ width: SELECT_WIDTH }} />}
            {fields.map((field) => <col key={field.name} style={{ width: widthOf(field) }} />)}
          </colgroup>
          <thead>
            <tr>
              {selectable && (
                <th className="sticky-left" style={{ left: 0 }}>
                  <Checkbox checked={allSelected} indeterminate={selected.length > 0 && !allSelected} aria-label={t('grid.selectAll')}
                    onChange={(event) => onSelect(event.target.checked ? records.map((record) => record.id) : [])} />
                </th>
              )}
              {fields.map((field) => {
                const isTitle = field.name === object.titleField
                const sorted = field.sortable && field.name === sortField
                return (
                  <th key={field.name} className={[field.sortable && 'sortable', isTitle && 'sticky-left'].filter(Boolean).join(' ')} style={isTitle ? { left: titleLeft } : undefined}
                    title={field.sortable ? t('grid.sortBy', { field: label(field.label) }) : undefined} data-testid={`column-${field.name}`}
                    aria-sort={sorted ? (descending ? 'descending' : 'ascending') : undefined}
                    onClick={field.sortable ? () => onChange((current) => ({ ...current, sort: nextSort(field) })) : undefined}>
                    {label(field.label)}
                    {sorted && (descending ? <ArrowDownOutlined className="sort-icon" /> : <ArrowUpOutlined className="sort-icon" />)}
                  </th>
                )
              })}
            </tr>
          </thead>
          <tbody>
            {paddingTop > 0 && <tr aria-hidden style={{ height: paddingTop }} />}
            {items.map((item) => {
              const record = records[item.index]
              const isSelected = selected.includes(record.id)
              return (
                <tr key={record.id} data-row-key={record.id} className={isSelected ? 'selected' : undefined} style={{ height: ROW_HEIGHT }}>
                  {selectable && (
                    <td className="sticky-left" style={{ left: 0 }}>
                      <Checkbox checked={isSelected} aria-label={t('grid.selectRow')} onChange={(event) => toggle(record.id, event.target.checked)} />
                    </td>
                  )}
                  {fields.map((field) => {
                    const isTitle = field.name === object.titleField
                    const target = targetOf(field)
                    return (
                      <td key={field.name} className={isTitle ? 'sticky-left' : undefined} style={isTitle ? { left: titleLeft } : undefined}>
                        <InlineCell object={object} field={field} record={record} titles={target ? titles[target] : undefined}
                          editable={editable.has(field.name) && !NOT_INLINE.has(field.type)}>
                          {isTitle ? <Link to={`/o/${object.name}/${record.id}`} data-testid="record-link">{String(record[field.name] ?? '') || record.id.slice(0, 8)}</Link> : undefined}
                        </InlineCell>
                      </td>
                    )
                  })}
                </tr>
              )
            })}
            {paddingBottom > 0 && <tr aria-hidden style={{ height: paddingBottom }} />}
          </tbody>
        </table>
        {!query.isPending && records.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('grid.empty')} style={{ padding: 32 }} />}
        {(query.isPending || query.isPlaceholderData) && <div className="rapport-grid-overlay"><Spin /></div>}
      </div>
      <LoadMore query={query} shown={records.length} auto={false} />
    </div>
  )
}
