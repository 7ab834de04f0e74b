import { EditOutlined } from '@ant-design/icons'
import { Button, Spin } from 'antd'
import { Suspense, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiRecord } from '../api/records.ts'
import { FieldValue } from '../fields/FieldValue.tsx'
import type { FieldMeta, ObjectMeta } from '../metadata/types.ts'
import { lazyNamed } from '../app/lazy-named.ts'
import './inline-cell.css'

const InlineEditor = lazyNamed(() => import('./InlineEditor.tsx'), 'InlineEditor')

interface InlineCellProps {
  object: ObjectMeta
  field: FieldMeta
  record: ApiRecord
  titles?: Record<string, string>
  editable: boolean
  /** What the cell shows instead of the plain value (the title column's link). */
  children?: ReactNode
}

/** A table cell that turns into the field's input on double click (or its pencil) and saves on Enter or leaving it. */
export function InlineCell({ object, field, record, titles, editable, children }: InlineCellProps) {
  const { t } = useTranslation('records')
  const [editing, setEditing] = useState(false)
  if (editing) return <Suspense fallback={<Spin size="small" />}><InlineEditor object={object} field={field} record={record} onDone={() => setEditing(false)} /></Suspense>
  const value = children ?? <FieldValue field={field} value={record[field.name]} titles={titles} />
  if (!editable) return value
  return (
    <div className="rapport-cell" onDoubleClick={() => setEditing(true)} data-testid={`cell-${field.name}`}>
      <div className="rapport-cell-value">{value}</div>
      <Button className="rapport-cell-edit" size="small" type="text" icon={<EditOutlined />} aria-label={t('inline.edit')}
        data-testid="cell-edit" onClick={(event) => { event.stopPropagation(); setEditing(true) }} />
    </div>
  )
}
