import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Drawer, Form, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import { recordsApi, type ApiRecord } from '../api/records.ts'
import { FieldInput } from '../fields/FieldInput.tsx'
import { toApiValue, validateValue } from '../fields/validate-value.ts'
import { currentLanguage } from '../i18n/i18n.ts'
import { useLabel } from '../metadata/labels.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { editableFields } from './form-fields.ts'
import { registerMessages } from '../i18n/register-messages.ts'
import { formsMessages } from './messages.ts'
import { useIsPhone } from '../app/use-is-phone.ts'
import { FormDuplicateWarning } from '../duplicates/DuplicateWarning.tsx'

registerMessages('forms', formsMessages)

interface RecordFormProps {
  object: ObjectMeta
  /** The record to edit; absent → create. */
  record?: ApiRecord
  /** Values a new record starts with (the account of a related list, the stage of a kanban column). */
  initialValues?: Record<string, unknown>
  open: boolean
  onClose: () => void
  onSaved?: (record: ApiRecord) => void
}

/**
 * The create/edit form of any object, generated from its metadata. Each field is checked by the
 * server's own field-type code before sending; the server's field errors land on the field.
 */
export function RecordForm({ object, record, initialValues, open, onClose, onSaved }: RecordFormProps) {
  const { t } = useTranslation('forms')
  const { t: tApp } = useTranslation()
  const label = useLabel()
  const { message } = App.useApp()
  const client = useQueryClient()
  const [form] = Form.useForm()
  const [formError, setFormError] = useState<string>()
  const phone = useIsPhone()
  const fields = editableFields(object)
  const save = useMutation({
    mutationFn: (values: Record<string, unknown>) => (record ? recordsApi.update(object.name, record.id, record.version, values) : recordsApi.create(object.name, values)),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['records', object.name] })
      await client.invalidateQueries({ queryKey: ['record', object.name, saved.id] })
      message.success(record ? tApp('state.saved') : t('created', { object: label(object.label) }))
      form.resetFields()
      onSaved?.(saved)
      onClose()
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return setFormError(tApp('error.generic'))
      const known = error.fields.filter((issue) => fields.some((field) => field.name === issue.field))
      form.setFields(known.map((issue) => ({ name: issue.field, errors: [issue.message] })))
      setFormError(known.length === error.fields.length && known.length > 0 ? undefined : error.status === 412 ? t('stale') : error.message)
    },
  })
  const submit = (values: Record<string, unknown>) => {
    setFormError(undefined)
    const body: Record<string, unknown> = {}
    for (const field of fields) {
      const value = toApiValue(values[field.name])
      if (record && JSON.stringify(value) === JSON.stringify(record[field.name] ?? null)) continue
      if (!record && value === null) continue
      body[field.name] = value
    }
    save.mutate(body)
  }
  const title = record ? t('edit.title', { object: label(object.label) }) : t('create.title', { object: label(object.label) })
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={phone ? '100%' : 560}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{tApp('action.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="form-save">{tApp('action.save')}</Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" name={`form_${object.name}`} initialValues={{ ...initialValues, ...record }} onFinish={submit} data-testid="record-form">
        {formError && <div role="alert" style={{ color: '#ff4d4f', marginBottom: 16 }}>{formError}</div>}
        {Boolean(object.duplicateRules?.length) && <FormDuplicateWarning object={object} excludeId={record?.id} />}
        {fields.map((field) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={label(field.label)}
            required={field.required}
            validateTrigger="onBlur"
            rules={[{ validator: async (_rule, value) => { const problem = validateValue(field, toApiValue(value), currentLanguage()); if (problem) throw new Error(problem) } }]}
          >
            <FieldSlot field={field} />
          </Form.Item>
        ))}
      </Form>
    </Drawer>
  )
}

/** Adapts FieldInput to the value/onChange pair Form.Item injects. */
interface FieldSlotProps {
  field: ObjectMeta['fields'][number]
  value?: unknown
  onChange?: (value: unknown) => void
  onBlur?: () => void
  id?: string
  'aria-invalid'?: boolean
}

function FieldSlot({ field, value, onChange, onBlur, id, 'aria-invalid': invalid }: FieldSlotProps) {
  return <FieldInput field={field} value={value} onChange={(next) => onChange?.(next)} onBlur={onBlur} id={id} invalid={invalid} />
}
