import type { UseInfiniteQueryResult } from '@tanstack/react-query'
import { Table, type TableColumnsType, type TableProps } from 'antd'
import { Link } from 'react-router'
import type { ApiRecord } from '../api/records.ts'
import { editableFields } from '../forms/form-fields.ts'
import { useLabel } from '../metadata/labels.ts'
import type { FieldMeta, ObjectMeta } from '../metadata/types.ts'
import { fieldOf } from '../metadata/use-metadata.ts'
import { InlineCell } from './InlineCell.tsx'
import type { ListState } from './list-state.ts'
import { LoadMore } from './LoadMore.tsx'
import type { ListData, ListRequest } from './use-list-query.ts'
import { targetOf, useRelationTitles } from './use-relation-titles.ts'

interface RecordTableProps {
  object: ObjectMeta
  state: ListState
  onChange: (update: (state: ListState) => ListState) => void
  list: ListRequest
  query: UseInfiniteQueryResult<ListData>
  records: ApiRecord[]
  selected: string[]
  onSelect: (ids: string[]) => void
}

const WIDTH: Partial<Record<FieldMeta['type'], number>> = {
  long_text: 280, rich_text: 280, address: 260, multi_select: 220, datetime: 170, currency: 150, email: 220, relation: 200, user: 120,
}
// Edited in the full form only: several inputs that do not fit a cell.
const NOT_INLINE = new Set(['address', 'file', 'rich_text', 'auto_number'])

/** The desktop list: one column per chosen field, sortable headers, row selection, inline edit, more rows as you scroll. */
export function RecordTable({ object, state, onChange, list, query, records, selected, onSelect }: RecordTableProps) {
  const label = useLabel()
  const fields = state.columns.map((name) => fieldOf(object, name)).filter((field): field is FieldMeta => Boolean(field))
  const titles = useRelationTitles(fields, query.data?.pages.map((page) => page.data) ?? [])
  const editable = new Set(object.permissions.update ? editableFields(object).map((field) => field.name) : [])
  const sortField = list.sort.replace(/^-/, '')
  const columns: TableColumnsType<ApiRecord> = fields.map((field) => {
    const isTitle = field.name === object.titleField
    const target = targetOf(field)
    return {
      key: field.name,
      dataIndex: field.name,
      title: label(field.label),
      width: isTitle ? 220 : (WIDTH[field.type] ?? 140),
      fixed: isTitle ? 'left' : undefined,
      ellipsis: field.type !== 'multi_select',
      sorter: field.sortable,
      sortOrder: field.sortable && field.name === sortField ? (list.sort.startsWith('-') ? 'descend' : 'ascend') : null,
      render: (_value, record) => (
        <InlineCell object={object} field={field} record={record} titles={target ? titles[target] : undefined}
          editable={editable.has(field.name) && !NOT_INLINE.has(field.type)}>
          {isTitle ? <Link to={`/o/${object.name}/${record.id}`} data-testid="record-link">{String(record[field.name] ?? '') || record.id.slice(0, 8)}</Link> : undefined}
        </InlineCell>
      ),
    }
  })
  const onTableChange: TableProps<ApiRecord>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action !== 'sort' || Array.isArray(sorter)) return
    const sort = sorter.order ? `${sorter.order === 'descend' ? '-' : ''}${String(sorter.columnKey)}` : undefined
    onChange((current) => ({ ...current, sort }))
  }
  const selectable = object.permissions.update || object.permissions.delete
  return (
    // Its own stacking context: the table's sticky cells stay under the app's sticky header.
    <div data-testid="list-table" style={{ position: 'relative', zIndex: 0 }}>
      <Table<ApiRecord>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={records}
        pagination={false}
        loading={query.isPending || query.isPlaceholderData}
        scroll={{ x: 'max-content' }}
        sticky={{ offsetHeader: 64 }}
        showSorterTooltip={false}
        onChange={onTableChange}
        rowSelection={selectable ? { selectedRowKeys: selected, onChange: (keys) => onSelect(keys.map(String)), preserveSelectedRowKeys: false } : undefined}
      />
      <LoadMore query={query} shown={records.length} />
    </div>
  )
}
