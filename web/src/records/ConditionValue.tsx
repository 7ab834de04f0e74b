import { Input, Select, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { RELATIVE_PERIODS } from '../../../server/src/records/relative-dates.ts'
import { FieldInput } from '../fields/FieldInput.tsx'
import { RecordPicker } from '../fields/RecordPicker.tsx'
import { useLabel } from '../metadata/labels.ts'
import type { FieldMeta } from '../metadata/types.ts'
import { operandShape } from './list-state.ts'

interface ConditionValueProps {
  field: FieldMeta
  op: string
  value: unknown
  onChange: (value: unknown) => void
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

/** The operand input an operator needs on a field: none, one FieldInput, a pair, a list or a period. */
export function ConditionValue({ field, op, value, onChange }: ConditionValueProps) {
  const { t } = useTranslation('fields')
  const { t: tr } = useTranslation('records')
  const label = useLabel()
  const shape = operandShape(op)
  const wide = { width: '100%', minWidth: 180 }
  if (shape === 'none') return null
  if (shape === 'relative') {
    return <Select style={wide} value={value ?? null} onChange={onChange} placeholder={tr('filters.period')} showSearch={{ optionFilterProp: 'label' }}
      options={RELATIVE_PERIODS.map((period) => ({ value: period, label: t(`period.${period}`) }))} />
  }
  if (shape === 'pair') {
    const [from, to] = asList(value)
    return (
      <Space.Compact style={wide}>
        <FieldInput field={field} value={from ?? null} onChange={(next) => onChange([next, to ?? null])} />
        <FieldInput field={field} value={to ?? null} onChange={(next) => onChange([from ?? null, next])} />
      </Space.Compact>
    )
  }
  if (field.type === 'user' || field.type === 'relation') {
    const target = field.type === 'user' ? 'users' : field.target!
    return shape === 'list'
      ? <RecordPicker target={target} multiple value={asList(value) as string[]} onChange={onChange} />
      : <RecordPicker target={target} value={(value as string | null) ?? null} onChange={onChange} />
  }
  if (field.type === 'boolean') {
    return <Select style={wide} value={value == null ? null : String(value)} onChange={(next) => onChange(next === 'true')}
      options={[{ value: 'true', label: tr('filters.yes') }, { value: 'false', label: tr('filters.no') }]} />
  }
  if (field.options) {
    const options = field.options.map((option) => ({ value: option.value, label: label(option.label) }))
    return shape === 'list'
      ? <Select style={wide} mode="multiple" allowClear value={asList(value)} onChange={onChange} options={options} />
      : <Select style={wide} allowClear value={value ?? null} onChange={onChange} options={options} />
  }
  if (shape === 'list') {
    return <Select style={wide} mode="tags" open={false} value={asList(value).map(String)} onChange={onChange} placeholder={tr('filters.typeValues')} />
  }
  if (op === 'contains' || op === 'starts_with' || field.type === 'address' || field.type === 'file') {
    return <Input style={wide} value={value == null ? '' : String(value)} onChange={(event) => onChange(event.target.value)} />
  }
  return <FieldInput field={field} value={value ?? null} onChange={onChange} />
}
