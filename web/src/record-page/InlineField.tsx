import { CheckOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons'
import { Button, Space, Typography } from 'antd'
import { useQueryClient } from '@tanstack/react-query'
import { useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import type { ApiRecord } from '../api/records.ts'
import { FieldInput } from '../fields/FieldInput.tsx'
import { FieldValue } from '../fields/FieldValue.tsx'
import { toApiValue, validateValue } from '../fields/validate-value.ts'
import { currentLanguage } from '../i18n/i18n.ts'
import type { FieldMeta } from '../metadata/types.ts'
import { recordKey } from './use-record.ts'
import { useSaveField } from './use-save-field.ts'

interface InlineFieldProps {
  object: string
  record: ApiRecord
  field: FieldMeta
  titles: Record<string, string>
  editable: boolean
}

/**
 * A field's value that turns into its editor on click. The value is checked by the server's own
 * field-type code first; the server's refusal lands under the field in the user's language.
 */
export function InlineField({ object, record, field, titles, editable }: InlineFieldProps) {
  const { t } = useTranslation('record-page')
  const { t: tApp } = useTranslation()
  const [draft, setDraft] = useState<{ value: unknown } | null>(null)
  const [problem, setProblem] = useState<string>()
  const [stale, setStale] = useState(false)
  const client = useQueryClient()
  const save = useSaveField(object, record)
  const value = record[field.name]
  const start = () => {
    setDraft({ value })
    setProblem(undefined)
  }
  const cancel = () => {
    setDraft(null)
    setProblem(undefined)
    setStale(false)
  }
  const reload = () => {
    cancel()
    void client.invalidateQueries({ queryKey: recordKey(object, record.id) })
  }
  const submit = () => {
    if (!draft) return
    const next = toApiValue(draft.value)
    if (JSON.stringify(next) === JSON.stringify(value ?? null)) return cancel()
    const local = validateValue(field, next, currentLanguage())
    if (local) return setProblem(local)
    save.mutate({ field: field.name, value: next }, {
      onSuccess: cancel,
      onError: (error) => {
        if (!(error instanceof ApiError)) return setProblem(t('saveFailed'))
        if (error.status === 412) {
          setStale(true)
          return setProblem(t('stale'))
        }
        setProblem(error.fields.find((issue) => issue.field === field.name)?.message ?? error.fields[0]?.message ?? error.message)
      },
    })
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') cancel()
  }
  if (!draft) {
    return (
      <div data-testid={`field-${field.name}`} role={editable ? 'button' : undefined} tabIndex={editable ? 0 : undefined}
        onClick={editable ? start : undefined} onKeyDown={(event) => { if (editable && event.key === 'Enter' && event.target === event.currentTarget) start() }}
        style={{ cursor: editable ? 'pointer' : 'default', minHeight: 22, display: 'flex', gap: 6, alignItems: 'baseline' }} className="inline-field">
        <span style={{ minWidth: 0, wordBreak: 'break-word' }}><FieldValue field={field} value={value} titles={titles} /></span>
        {editable && <EditOutlined style={{ color: '#bfbfbf', fontSize: 12 }} aria-label={t('edit')} data-testid={`field-edit-${field.name}`} />}
      </div>
    )
  }
  return (
    <div data-testid={`field-${field.name}`} onKeyDown={onKeyDown}>
      <Space.Compact block>
        <div style={{ flex: 1, minWidth: 0 }}>
          <FieldInput field={field} value={draft.value} autoFocus invalid={Boolean(problem)} onPressEnter={submit}
            onChange={(next) => { setDraft({ value: next }); setProblem(undefined) }} id={`inline_${field.name}`} />
        </div>
      </Space.Compact>
      <Space size={4} style={{ marginTop: 4 }}>
        <Button size="small" type="primary" icon={<CheckOutlined />} loading={save.isPending} onClick={submit} data-testid="field-save">{tApp('action.save')}</Button>
        <Button size="small" icon={<CloseOutlined />} onClick={cancel} data-testid="field-cancel">{tApp('action.cancel')}</Button>
      </Space>
      {problem && <Typography.Text type="danger" role="alert" style={{ display: 'block', marginTop: 4 }} data-testid={`field-error-${field.name}`}>{problem}</Typography.Text>}
      {stale && <Button size="small" type="link" style={{ paddingInline: 0 }} onClick={reload} data-testid="field-reload">{t('reload')}</Button>}
    </div>
  )
}
