import { DatePicker, Input, InputNumber, Rate, Select, Space, Switch } from 'antd'
import dayjs from 'dayjs'
import './date-locale.ts'
import { useTranslation } from 'react-i18next'
import { CURRENCY_CODES } from '../../../server/src/metadata/field-types/numeric-types.ts'
import { ADDRESS_PARTS } from '../../../server/src/metadata/field-types/reference-types.ts'
import { useLabel } from '../metadata/labels.ts'
import type { FieldMeta } from '../metadata/types.ts'
import { RecordPicker } from './RecordPicker.tsx'

export interface FieldInputProps {
  field: FieldMeta
  value: unknown
  onChange: (value: unknown) => void
  id?: string
  autoFocus?: boolean
  onBlur?: () => void
  /** Enter in a one-line input (inline edit saves on it). */
  onPressEnter?: () => void
  invalid?: boolean
}

type Money = { amount: string; currency: string }

/** The editing control of each field type; values go in and out in the API's shape. */
export function FieldInput({ field, value, onChange, id, autoFocus, onBlur, onPressEnter, invalid }: FieldInputProps) {
  const { t } = useTranslation('fields')
  const label = useLabel()
  const status = invalid ? ('error' as const) : undefined
  const common = { id, autoFocus, onBlur, status }
  const text = value == null ? '' : String(value)
  switch (field.type) {
    case 'long_text':
    case 'rich_text':
      return <Input.TextArea {...common} autoSize={{ minRows: 2, maxRows: 8 }} value={text} onChange={(event) => onChange(event.target.value)} />
    case 'number':
    case 'percent':
      return (
        <InputNumber<string> {...common} stringMode style={{ width: '100%' }} value={text || null} min={field.min === undefined ? undefined : String(field.min)}
          max={field.max === undefined ? undefined : String(field.max)} suffix={field.type === 'percent' ? '%' : undefined}
          onPressEnter={onPressEnter} onChange={(next) => onChange(next === null || next === '' ? null : Number(next))} />
      )
    case 'currency': {
      const money = (value as Money | null) ?? null
      return (
        <Space.Compact style={{ width: '100%' }}>
          <Select style={{ width: 90 }} value={money?.currency ?? 'CNY'} options={CURRENCY_CODES.map((code) => ({ value: code, label: code }))}
            onChange={(currency) => onChange({ amount: money?.amount ?? '', currency })} />
          <InputNumber<string> {...common} stringMode style={{ width: '100%' }} value={money?.amount || null} onPressEnter={onPressEnter}
            onChange={(amount) => onChange(amount === null || amount === '' ? null : { amount, currency: money?.currency ?? 'CNY' })} />
        </Space.Compact>
      )
    }
    case 'date':
      return <DatePicker {...common} style={{ width: '100%' }} value={text ? dayjs(text) : null} onChange={(date) => onChange(date ? date.format('YYYY-MM-DD') : null)} />
    case 'datetime':
      return <DatePicker {...common} showTime style={{ width: '100%' }} value={text ? dayjs(text) : null} onChange={(date) => onChange(date ? date.toISOString() : null)} />
    case 'boolean':
      return <Switch id={id} checked={value === true} onChange={(checked) => onChange(checked)} />
    case 'single_select':
    case 'multi_select':
      return (
        <Select {...common} allowClear mode={field.type === 'multi_select' ? 'multiple' : undefined} style={{ width: '100%', minWidth: 140 }}
          value={field.type === 'multi_select' ? ((value as string[] | null) ?? []) : (value ?? null)}
          options={(field.options ?? []).map((option) => ({ value: option.value, label: label(option.label) }))}
          onChange={(next) => onChange(next ?? null)} />
      )
    case 'relation':
      return <RecordPicker {...common} target={field.target!} multiple={field.relationKind === 'many_to_many'} value={value as string | string[] | null} onChange={onChange} />
    case 'user':
      return <RecordPicker {...common} target="users" value={value as string | null} onChange={onChange} />
    case 'rating':
      return <Rate count={field.max ?? 5} value={Number(value ?? 0)} onChange={(next) => onChange(next)} />
    case 'address': {
      const address = (value as Record<string, string> | null) ?? {}
      return (
        <Space.Compact block style={{ flexWrap: 'wrap' }}>
          {ADDRESS_PARTS.map((part) => (
            <Input key={part} id={id && `${id}_${part}`} status={status} style={{ width: part === 'street' ? '100%' : '33.3%' }} placeholder={t(`address.${part}`)}
              value={address[part] ?? ''} onChange={(event) => onChange({ ...address, [part]: event.target.value })} onBlur={onBlur} />
          ))}
        </Space.Compact>
      )
    }
    case 'file': {
      const file = (value as { name: string; url: string } | null) ?? { name: '', url: '' }
      return (
        <Space.Compact block>
          <Input status={status} placeholder={t('file.name')} value={file.name} onChange={(event) => onChange({ ...file, name: event.target.value })} />
          <Input status={status} placeholder={t('file.url')} value={file.url} onChange={(event) => onChange({ ...file, url: event.target.value })} />
        </Space.Compact>
      )
    }
    case 'auto_number':
      return <Input disabled value={text} />
    default:
      return <Input {...common} value={text} onPressEnter={onPressEnter} onChange={(event) => onChange(event.target.value)}
        inputMode={field.type === 'email' ? 'email' : field.type === 'url' ? 'url' : field.type === 'phone' ? 'tel' : 'text'} />
  }
}
