import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, DatePicker, Form, Input, Modal, Switch, type ButtonProps } from 'antd'
import type { Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import { recordsApi, type ApiRecord } from '../api/records.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { activityLinkValues } from './activity-link.ts'

export type QuickKind = 'call' | 'meeting' | 'note' | 'task'

interface QuickActivityFormProps {
  kind: QuickKind | undefined
  activities: ObjectMeta
  object: ObjectMeta
  record: ApiRecord
  onClose: () => void
  onCreated: () => void
}

interface Values {
  subject: string
  description?: string
  due_at?: Dayjs | null
  done?: boolean
}

/** Log a call, a meeting or a note, or set a task with a due date, linked to this record. */
export function QuickActivityForm({ kind, activities, object, record, onClose, onCreated }: QuickActivityFormProps) {
  const { t } = useTranslation('record-page')
  const { t: tApp } = useTranslation()
  const { message } = App.useApp()
  const client = useQueryClient()
  const [form] = Form.useForm<Values>()
  const create = useMutation({
    mutationFn: (values: Values) => recordsApi.create(activities.name, {
      type: kind,
      subject: values.subject,
      ...(values.description && { description: values.description }),
      ...(values.due_at && { due_at: values.due_at.toISOString() }),
      done: kind === 'task' ? Boolean(values.done) : true,
      ...activityLinkValues(activities, object, record),
    }),
    onSuccess: async () => {
      message.success(t('logged'))
      form.resetFields()
      onClose()
      await client.invalidateQueries({ queryKey: ['records', activities.name] })
      onCreated()
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return message.error(tApp('error.generic'))
      const known = error.fields.filter((issue) => ['subject', 'description', 'due_at'].includes(issue.field))
      form.setFields(known.map((issue) => ({ name: issue.field as keyof Values, errors: [issue.message] })))
      if (known.length === 0) message.error(error.fields[0]?.message ?? error.message)
    },
  })
  return (
    <Modal open={kind !== undefined} title={kind && t(`quick.${kind}.title`)} onCancel={onClose} destroyOnHidden
      okText={tApp('action.save')} cancelText={tApp('action.cancel')} confirmLoading={create.isPending}
      onOk={() => form.submit()} okButtonProps={{ 'data-testid': 'quick-save' } as ButtonProps}>
      <Form form={form} layout="vertical" name="quick_activity" onFinish={(values) => create.mutate(values)} data-testid="quick-form">
        <Form.Item name="subject" label={t('subject')} rules={[{ required: true, whitespace: true, message: t('subjectRequired') }]}>
          <Input autoFocus placeholder={kind && t(`quick.${kind}.placeholder`)} maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        {kind === 'task' && (
          <>
            <Form.Item name="due_at" label={t('dueDate')} rules={[{ required: true, message: t('dueRequired') }]}>
              <DatePicker showTime style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="done" label={t('done')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  )
}
