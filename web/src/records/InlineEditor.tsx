import { useQueryClient } from '@tanstack/react-query'
import { App, Spin } from 'antd'
import { useRef, useState, type FocusEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import { recordsApi, type ApiRecord } from '../api/records.ts'
import { FieldInput } from '../fields/FieldInput.tsx'
import { toApiValue, validateValue } from '../fields/validate-value.ts'
import { currentLanguage } from '../i18n/i18n.ts'
import type { FieldMeta, ObjectMeta } from '../metadata/types.ts'
import { patchListPages, type ListData } from './use-list-query.ts'

// A pick is the whole edit for these: save at once rather than waiting for Enter or blur.
const SAVE_ON_PICK = new Set(['single_select', 'boolean', 'rating', 'date', 'datetime', 'user'])
// Enter belongs to the input itself here (a new line, choosing an option): these save on leaving.
const NO_ENTER_SAVE = new Set([...SAVE_ON_PICK, 'multi_select', 'relation', 'long_text', 'rich_text'])

interface InlineEditorProps {
  object: ObjectMeta
  field: FieldMeta
  record: ApiRecord
  onDone: () => void
}

/** The input of one cell: PATCH with If-Match on save; on refusal the server's reason shows and the old value stays. */
export function InlineEditor({ object, field, record, onDone }: InlineEditorProps) {
  const { t } = useTranslation('records')
  const { message } = App.useApp()
  const client = useQueryClient()
  const [draft, setDraft] = useState<unknown>(record[field.name] ?? null)
  const [saving, setSaving] = useState(false)
  const [invalid, setInvalid] = useState(false)
  const settled = useRef(false)
  const putInLists = (saved: ApiRecord) => client.setQueriesData<ListData>({ queryKey: ['records', object.name, 'list'] }, (data) => patchListPages(data, [saved]))

  const save = async (value: unknown) => {
    if (settled.current) return
    const next = toApiValue(value)
    if (JSON.stringify(next) === JSON.stringify(toApiValue(record[field.name]))) {
      settled.current = true
      return onDone()
    }
    const problem = validateValue(field, next, currentLanguage())
    setInvalid(Boolean(problem))
    if (problem) return void message.error(problem)
    settled.current = true
    setSaving(true)
    try {
      putInLists(await recordsApi.update(object.name, record.id, record.version, { [field.name]: next }))
      void client.invalidateQueries({ queryKey: ['records', object.name, 'count'] })
      void client.invalidateQueries({ queryKey: ['record', object.name, record.id] })
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        message.warning(t('inline.stale'))
        recordsApi.get(object.name, record.id).then(putInLists, () => undefined)
      } else {
        message.error(error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : t('inline.failed'))
      }
    }
    onDone()
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      settled.current = true
      onDone()
    } else if (event.key === 'Enter' && !NO_ENTER_SAVE.has(field.type)) {
      void save(draft)
    }
  }
  // Leaving the whole editor (not moving between its parts, like a money amount and its currency) saves.
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) void save(draft)
  }
  return (
    <Spin spinning={saving} size="small">
      <div onKeyDown={onKeyDown} onBlur={onBlur} onDoubleClick={(event) => event.stopPropagation()} data-testid="inline-editor" style={{ minWidth: 140 }}>
        <FieldInput field={field} value={draft} autoFocus invalid={invalid}
          onChange={(value) => {
            setDraft(value)
            if (SAVE_ON_PICK.has(field.type) || (field.type === 'relation' && field.relationKind !== 'many_to_many')) void save(value)
          }} />
      </div>
    </Spin>
  )
}
