import { Form, Modal, type ButtonProps } from 'antd'
import { useTranslation } from 'react-i18next'
import { FieldInput } from '../fields/FieldInput.tsx'
import { toApiValue } from '../fields/validate-value.ts'
import { useLabel } from '../metadata/labels.ts'
import type { FieldMeta } from '../metadata/types.ts'

export interface MissingFields {
  /** The fields the server asked for, with its reason for each (a won deal needs its won reason). */
  fields: Array<{ field: FieldMeta; reason: string }>
}

/** Asks for what a card's new column requires (the server's 422 named it), then moves it with those values. */
export function MoveFieldsDialog({ missing, title, onSubmit, onCancel }: { missing: MissingFields; title: string; onSubmit: (values: Record<string, unknown>) => void; onCancel: () => void }) {
  const { t } = useTranslation('kanban')
  const label = useLabel()
  const [form] = Form.useForm()
  const submit = (values: Record<string, unknown>) => onSubmit(Object.fromEntries(missing.fields.map(({ field }) => [field.name, toApiValue(values[field.name])])))
  return (
    <Modal open title={title} onOk={() => form.submit()} onCancel={onCancel} okText={t('moveNeeds.save')} destroyOnHidden
      okButtonProps={{ 'data-testid': 'move-fields-save' } as ButtonProps}>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="move-fields-form">
        {missing.fields.map(({ field, reason }) => (
          <Form.Item key={field.name} name={field.name} label={label(field.label)} extra={reason} required rules={[{ required: true, message: reason }]}>
            <FieldSlot field={field} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  )
}

function FieldSlot({ field, value, onChange, id }: { field: FieldMeta; value?: unknown; onChange?: (value: unknown) => void; id?: string }) {
  return <FieldInput field={field} value={value} onChange={(next) => onChange?.(next)} id={id} />
}
