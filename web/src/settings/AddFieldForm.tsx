import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Drawer, Form, Input, InputNumber, Radio, Select, Space, Switch } from 'antd'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLabel } from '../metadata/labels.ts'
import type { FieldType, ObjectMeta } from '../metadata/types.ts'
import { metadataKey, useMetadata } from '../metadata/use-metadata.ts'
import { API_NAME_PATTERN, suggestApiName } from './api-name.ts'
import { FIELD_SETTINGS, FIELD_TYPES, type FieldSetting } from './field-type-settings.ts'
import { OptionsEditor } from './OptionsEditor.tsx'
import { settingsApi } from './settings-api.ts'
import { showServerErrors } from './server-errors.ts'
import { useIsPhone } from '../app/use-is-phone.ts'

interface OptionRow { value?: string; label_zh?: string; label_en?: string; color?: string }

interface AddFieldValues {
  label_zh?: string
  label_en?: string
  name?: string
  type: FieldType
  required?: boolean
  searchable?: boolean
  options?: OptionRow[]
  target?: string
  relationKind?: 'many_to_one' | 'many_to_many'
  maxLength?: number | null
  min?: number | null
  max?: number | null
  scale?: number | null
}

const labelOf = (zh?: string, en?: string) => ({ en: en?.trim() || zh?.trim() || '', 'zh-CN': zh?.trim() || en?.trim() || '' })

/** An option as the server takes it; a label given in one language serves both, none at all falls back to the value. */
function optionOf(option: OptionRow) {
  const named = Boolean(option.label_zh?.trim() || option.label_en?.trim())
  return { value: option.value?.trim(), label: named ? labelOf(option.label_zh, option.label_en) : labelOf(option.value, option.value), ...(option.color && { color: option.color }) }
}

/** The POST body of a field, holding only the settings its type takes. */
function declarationOf(values: AddFieldValues): Record<string, unknown> {
  const body: Record<string, unknown> = { name: values.name?.trim(), type: values.type, label: labelOf(values.label_zh, values.label_en) }
  if (values.required) body.required = true
  const settings = FIELD_SETTINGS[values.type]
  if (settings.includes('options')) {
    body.options = (values.options ?? []).map(optionOf)
  }
  if (settings.includes('target')) Object.assign(body, { target: values.target, relationKind: values.relationKind ?? 'many_to_one' })
  for (const limit of ['maxLength', 'min', 'max', 'scale'] as const) if (settings.includes(limit) && values[limit] != null) body[limit] = values[limit]
  if (settings.includes('searchable') && values.searchable !== undefined) body.searchable = values.searchable
  return body
}

/** Server error paths onto this form's fields: a label error lands on the labels, an option's label on its English label. */
function formPathOf(path: (string | number)[]): (string | number)[] | undefined {
  if (path[0] === 'label') return ['label_zh']
  if (path[0] === 'options' && path[2] === 'label') return ['options', path[1], 'label_en']
  return path
}

const LIMIT_BOUNDS: Record<'maxLength' | 'min' | 'max' | 'scale', { min: number; max: number }> = {
  maxLength: { min: 1, max: 100_000 }, min: { min: -1e15, max: 1e15 }, max: { min: -1e15, max: 1e15 }, scale: { min: 0, max: 6 },
}

/** "Add field": any field type the server accepts, on any object; usable in lists, forms and filters once saved. */
export function AddFieldForm({ object, open, onClose }: { object: ObjectMeta; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('settings')
  const { t: tApp } = useTranslation()
  const label = useLabel()
  const { message } = App.useApp()
  const client = useQueryClient()
  const { data: objects = [] } = useMetadata()
  const [form] = Form.useForm<AddFieldValues>()
  const [formError, setFormError] = useState<string>()
  const nameTyped = useRef(false)
  const phone = useIsPhone()
  const type = Form.useWatch('type', form) ?? 'text'
  const settings = FIELD_SETTINGS[type]
  const has = (setting: FieldSetting) => settings.includes(setting)
  const save = useMutation({
    mutationFn: (values: AddFieldValues) => settingsApi.addField(object.name, declarationOf(values)),
    onSuccess: async (field) => {
      await client.invalidateQueries({ queryKey: metadataKey })
      message.success(t('field.added', { field: label(field.label) }))
      form.resetFields()
      nameTyped.current = false
      onClose()
    },
    onError: (error) => setFormError(showServerErrors(form, error, formPathOf, tApp('error.generic'))),
  })
  const onValuesChange = (changed: Partial<AddFieldValues>) => {
    if ('name' in changed) nameTyped.current = Boolean(changed.name)
    if ('label_en' in changed && !nameTyped.current) form.setFieldValue('name', suggestApiName(changed.label_en ?? ''))
  }
  const eitherLabel = async () => {
    if (!form.getFieldValue('label_zh')?.trim() && !form.getFieldValue('label_en')?.trim()) throw new Error(t('field.labelRequired'))
  }
  return (
    <Drawer open={open} onClose={onClose} size={phone ? '100%' : 600} destroyOnHidden title={t('field.addTitle', { object: label(object.label) })}
      extra={
        <Space>
          <Button onClick={onClose}>{tApp('action.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="field-save">{tApp('action.save')}</Button>
        </Space>
      }>
      <Form form={form} layout="vertical" name="add_field" initialValues={{ type: 'text', required: false, searchable: true, relationKind: 'many_to_one', options: [] }}
        onValuesChange={onValuesChange} onFinish={(values) => { setFormError(undefined); save.mutate(values) }} data-testid="add-field-form">
        {formError && <div role="alert" style={{ color: '#ff4d4f', marginBottom: 16 }}>{formError}</div>}
        <Form.Item name="label_zh" label={t('field.labelZh')} dependencies={['label_en']} rules={[{ validator: eitherLabel }, { max: 100 }]}>
          <Input data-testid="field-label-zh" maxLength={100} />
        </Form.Item>
        <Form.Item name="label_en" label={t('field.labelEn')} rules={[{ max: 100 }]}>
          <Input data-testid="field-label-en" maxLength={100} />
        </Form.Item>
        <Form.Item name="name" label={t('field.apiName')} extra={t('field.apiNameHelp')}
          rules={[{ required: true, message: t('field.apiNameRequired') }, { pattern: API_NAME_PATTERN, message: t('field.apiNameInvalid') }]}>
          <Input data-testid="field-name" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="type" label={t('field.type')} rules={[{ required: true }]}>
          <Select data-testid="field-type" showSearch={{ optionFilterProp: 'label' }} options={FIELD_TYPES.map((value) => ({ value, label: t(`type.${value}`) }))} />
        </Form.Item>
        {has('options') && (
          <Form.Item label={t('field.options')} required>
            <OptionsEditor />
          </Form.Item>
        )}
        {has('target') && (
          <>
            <Form.Item name="target" label={t('field.target')} rules={[{ required: true, message: t('field.targetRequired') }]}>
              <Select data-testid="field-target" showSearch={{ optionFilterProp: 'label' }} options={objects.map((candidate) => ({ value: candidate.name, label: label(candidate.label) }))} />
            </Form.Item>
            <Form.Item name="relationKind" label={t('field.relationKind')}>
              <Radio.Group options={[{ value: 'many_to_one', label: t('relation.many_to_one') }, { value: 'many_to_many', label: t('relation.many_to_many') }]} />
            </Form.Item>
          </>
        )}
        <Space wrap size="middle">
          {(['maxLength', 'min', 'max', 'scale'] as const).filter(has).map((limit) => (
            <Form.Item key={limit} name={limit} label={t(`field.${limit}`)}>
              <InputNumber data-testid={`field-${limit}`} precision={limit === 'maxLength' || limit === 'scale' ? 0 : undefined} min={LIMIT_BOUNDS[limit].min} max={type === 'text' && limit === 'maxLength' ? 1000 : LIMIT_BOUNDS[limit].max} style={{ width: 140 }} />
            </Form.Item>
          ))}
        </Space>
        <Space wrap size="large">
          <Form.Item name="required" label={t('field.required')} valuePropName="checked">
            <Switch data-testid="field-required" />
          </Form.Item>
          {has('searchable') && (
            <Form.Item name="searchable" label={t('field.searchable')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Space>
      </Form>
    </Drawer>
  )
}
