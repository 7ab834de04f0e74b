import { ArrowDownOutlined, ArrowUpOutlined, TableOutlined } from '@ant-design/icons'
import { Button, Checkbox, Flex, Popover } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLabel } from '../metadata/labels.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { defaultColumns } from './list-state.ts'
import { Muted } from '../app/text.tsx'

interface ColumnChooserProps {
  object: ObjectMeta
  columns: string[]
  onChange: (columns: string[]) => void
}

/** Which columns the table shows and in what order; the title column always leads. */
export function ColumnChooser({ object, columns, onChange }: ColumnChooserProps) {
  const { t } = useTranslation('records')
  const label = useLabel()
  const shown = columns.filter((name) => name !== object.titleField)
  const available = object.fields.filter((field) => field.name !== 'id' && field.name !== object.titleField && !shown.includes(field.name))
  // The object's own fields before owner and timestamps.
  const hidden = [...available.filter((field) => !field.system), ...available.filter((field) => field.system)]
  const set = (next: string[]) => onChange([object.titleField, ...next])
  const move = (index: number, by: number) => {
    const next = [...shown]
    const [name] = next.splice(index, 1)
    next.splice(index + by, 0, name)
    set(next)
  }
  const fieldLabel = (name: string) => label(object.fields.find((field) => field.name === name)?.label)
  const content = (
    <Flex vertical gap={2} style={{ width: 260, maxHeight: 420, overflowY: 'auto' }} data-testid="column-list">
      <Checkbox checked disabled>{fieldLabel(object.titleField)}</Checkbox>
      {shown.map((name, index) => (
        <Flex key={name} align="center" justify="space-between">
          <Checkbox checked onChange={() => set(shown.filter((other) => other !== name))} data-column={name}>{fieldLabel(name)}</Checkbox>
          <span>
            <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('columns.up')} />
            <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === shown.length - 1} onClick={() => move(index, 1)} aria-label={t('columns.down')} />
          </span>
        </Flex>
      ))}
      {hidden.length > 0 && <Muted style={{ marginTop: 8 }}>{t('columns.hidden')}</Muted>}
      {hidden.map((field) => (
        <Checkbox key={field.name} checked={false} onChange={() => set([...shown, field.name])} data-column={field.name}>{label(field.label)}</Checkbox>
      ))}
      <Button type="link" size="small" style={{ alignSelf: 'flex-start', paddingInline: 0, marginTop: 8 }} onClick={() => onChange(defaultColumns(object))}>
        {t('columns.reset')}
      </Button>
    </Flex>
  )
  return (
    <Popover trigger="click" placement="bottomLeft" title={t('columns.title')} content={content}>
      <Button icon={<TableOutlined />} data-testid="column-chooser">{t('columns.open')}</Button>
    </Popover>
  )
}
