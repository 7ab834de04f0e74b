import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Drawer, Form, Input, Space } from 'antd'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { metadataKey } from '../metadata/use-metadata.ts'
import { API_NAME_PATTERN, suggestApiName } from './api-name.ts'
import { settingsApi } from './settings-api.ts'
import { showServerErrors } from './server-errors.ts'
import { useIsPhone } from '../app/use-is-phone.ts'

interface NewObjectValues {
  label_zh?: string
  label_en?: string
  plural_zh?: string
  plural_en?: string
  name?: string
  singular?: string
}

const text = (value?: string) => value?.trim() || undefined
const labelOf = (zh?: string, en?: string) => (text(zh) || text(en) ? { en: text(en) ?? text(zh), 'zh-CN': text(zh) ?? text(en) } : undefined)

/** "labels" → "labels", "project" → "projects": a plural API name from the English singular. */
const pluralOf = (singular: string) => (!singular || singular.endsWith('s') ? singular : singular.endsWith('y') ? `${singular.slice(0, -1)}ies` : `${singular}s`)

/** Server error paths onto this form: a label error on the labels. */
function formPathOf(path: (string | number)[]) {
  if (path[0] === 'label') return ['label_zh']
  if (path[0] === 'pluralLabel') return ['plural_zh']
  return path
}

/** "New object": a custom object with a name field, in the navigation once saved. */
export function NewObjectForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('settings')
  const { t: tApp } = useTranslation()
  const { message } = App.useApp()
  const client = useQueryClient()
  const [form] = Form.useForm<NewObjectValues>()
  const [formError, setFormError] = useState<string>()
  const typed = useRef({ name: false, singular: false })
  const phone = useIsPhone()
  const save = useMutation({
    mutationFn: (values: NewObjectValues) =>
      settingsApi.addObject({
        name: values.name?.trim(),
        singular: values.singular?.trim() || undefined,
        label: labelOf(values.label_zh, values.label_en),
        pluralLabel: labelOf(values.plural_zh || values.label_zh, values.plural_en || values.label_en),
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: metadataKey })
      message.success(t('object.created'))
      form.resetFields()
      typed.current = { name: false, singular: false }
      onClose()
    },
    onError: (error) => setFormError(showServerErrors(form, error, formPathOf, tApp('error.generic'))),
  })
  const onValuesChange = (changed: NewObjectValues) => {
    if ('name' in changed) typed.current.name = Boolean(changed.name)
    if ('singular' in changed) typed.current.singular = Boolean(changed.singular)
    if ('label_en' in changed) {
      const singular = suggestApiName(changed.label_en ?? '')
      if (!typed.current.singular) form.setFieldValue('singular', singular)
      if (!typed.current.name) form.setFieldValue('name', pluralOf(singular))
    }
  }
  const eitherLabel = async () => {
    if (!text(form.getFieldValue('label_zh')) && !text(form.getFieldValue('label_en'))) throw new Error(t('field.labelRequired'))
  }
  return (
    <Drawer open={open} onClose={onClose} size={phone ? '100%' : 520} destroyOnHidden title={t('object.newTitle')}
      extra={
        <Space>
          <Button onClick={onClose}>{tApp('action.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="object-save">{tApp('action.save')}</Button>
        </Space>
      }>
      <Form form={form} layout="vertical" name="new_object" onValuesChange={onValuesChange}
        onFinish={(values) => { setFormError(undefined); save.mutate(values) }} data-testid="new-object-form">
        {formError && <div role="alert" style={{ color: '#ff4d4f', marginBottom: 16 }}>{formError}</div>}
        <Form.Item name="label_zh" label={t('object.labelZh')} dependencies={['label_en']} rules={[{ validator: eitherLabel }]}>
          <Input data-testid="object-label-zh" maxLength={100} />
        </Form.Item>
        <Form.Item name="label_en" label={t('object.labelEn')}>
          <Input data-testid="object-label-en" maxLength={100} />
        </Form.Item>
        <Space wrap style={{ width: '100%' }} styles={{ item: { flex: 1, minWidth: 200 } }}>
          <Form.Item name="plural_zh" label={t('object.pluralZh')} extra={t('object.pluralHelp')}>
            <Input data-testid="object-plural-zh" maxLength={100} />
          </Form.Item>
          <Form.Item name="plural_en" label={t('object.pluralEn')}>
            <Input data-testid="object-plural-en" maxLength={100} />
          </Form.Item>
        </Space>
        <Form.Item name="name" label={t('object.apiName')} extra={t('object.apiNameHelp')}
          rules={[{ required: true, message: t('field.apiNameRequired') }, { pattern: API_NAME_PATTERN, message: t('field.apiNameInvalid') }]}>
          <Input data-testid="object-name" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="singular" label={t('object.singular')} rules={[{ pattern: API_NAME_PATTERN, message: t('field.apiNameInvalid') }]}>
          <Input data-testid="object-singular" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Form>
    </Drawer>
  )
}
