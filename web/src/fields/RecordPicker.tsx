import { useQuery } from '@tanstack/react-query'
import { Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { recordsApi } from '../api/records.ts'
import { useMetadata } from '../metadata/use-metadata.ts'
import { useRecordTitles } from './use-record-titles.ts'

interface RecordPickerProps {
  target: string
  value: string | string[] | null | undefined
  onChange: (value: string | string[] | null) => void
  multiple?: boolean
  id?: string
  autoFocus?: boolean
  onBlur?: () => void
  status?: 'error'
}

/** Choose records of `target` by typing: the server's search (Chinese, pinyin, initials) answers. */
export function RecordPicker({ target, value, onChange, multiple, id, autoFocus, onBlur, status }: RecordPickerProps) {
  const { t } = useTranslation('fields')
  const { data: objects } = useMetadata()
  const object = objects?.find((candidate) => candidate.name === target)
  const [text, setText] = useState('')
  const selected = value == null ? [] : Array.isArray(value) ? value : [value]
  const titles = useRecordTitles(target, selected)
  const { data: found, isFetching } = useQuery({
    queryKey: ['picker', target, text],
    enabled: Boolean(object),
    staleTime: 10_000,
    queryFn: () => recordsApi.list(target, { q: text || undefined, fields: [object!.titleField], limit: 20, sort: text ? undefined : object!.defaultSort }),
  })
  const options = new Map<string, string>()
  for (const selectedId of selected) options.set(selectedId, titles[selectedId] ?? '…')
  for (const record of found?.data ?? []) options.set(record.id, String(record[object!.titleField] ?? record.id))
  return (
    <Select
      id={id}
      autoFocus={autoFocus}
      onBlur={onBlur}
      status={status}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      mode={multiple ? 'multiple' : undefined}
      placeholder={t('picker.search')}
      notFoundContent={isFetching ? null : t('picker.none')}
      loading={isFetching}
      style={{ width: '100%', minWidth: 160 }}
      value={multiple ? selected : (selected[0] ?? null)}
      onChange={(next) => onChange((next as string | string[] | undefined) ?? (multiple ? [] : null))}
      options={[...options].map(([optionId, title]) => ({ value: optionId, label: title }))}
    />
  )
}
