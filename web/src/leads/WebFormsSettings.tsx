import { CodeOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Drawer, Flex, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { aggregateKey, fetchAggregate } from '../api/aggregate.ts'
import { ApiError } from '../api/client.ts'
import { recordsApi, type ApiRecord } from '../api/records.ts'
import { useIsPhone } from '../app/use-is-phone.ts'
import { RecordForm } from '../forms/RecordForm.tsx'
import { registerMessages } from '../i18n/register-messages.ts'
import { useLabel } from '../metadata/labels.ts'
import { fieldOf, useObjectMeta } from '../metadata/use-metadata.ts'
import { leadsMessages } from './messages.ts'
import { WebFormEmbed } from './WebFormEmbed.tsx'

registerMessages('leads', leadsMessages)

const formsKey = ['records', 'web_forms', 'settings'] as const

/** /settings/web-forms: the lead-capture forms, each with its snippet and a live preview. */
export function WebFormsSettings() {
  const { t } = useTranslation('leads')
  const label = useLabel()
  const { message } = App.useApp()
  const client = useQueryClient()
  const phone = useIsPhone()
  const object = useObjectMeta('web_forms')
  const { data: forms = [], isPending } = useQuery({ queryKey: formsKey, queryFn: () => recordsApi.list('web_forms', { sort: 'name', limit: 200 }).then((page) => page.data) })
  // Leads per form in one grouped count (what the reader may see of them).
  const leadsPerForm = useQuery({ queryKey: aggregateKey('leads', { groupBy: 'web_form_id' }), queryFn: ({ signal }) => fetchAggregate('leads', { groupBy: 'web_form_id' }, signal) })
  const leadCount = (id: string) => leadsPerForm.data?.groups?.find((group) => group.value === id)?.count ?? 0
  const [editing, setEditing] = useState<ApiRecord | 'new'>()
  const [embedId, setEmbedId] = useState<string>()
  const embedded = forms.find((form) => form.id === embedId)
  const failed = (error: unknown) => message.error(error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : String(error))
  const refresh = () => client.invalidateQueries({ queryKey: formsKey })
  const toggle = useMutation({
    mutationFn: (form: ApiRecord) => recordsApi.update('web_forms', form.id, form.version, { active: form.active === false }),
    onSuccess: () => void refresh(),
    onError: failed,
  })
  const remove = useMutation({
    mutationFn: (form: ApiRecord) => recordsApi.remove('web_forms', form.id, form.version),
    onSuccess: () => { void message.success(t('forms.deleted')); void refresh() },
    onError: failed,
  })
  const fieldsField = object && fieldOf(object, 'fields')
  const optionLabel = (value: string) => label(fieldsField?.options?.find((option) => option.value === value)?.label) || value
  return (
    <Flex vertical gap={12} data-testid="web-forms-settings">
      <Typography.Text type="secondary">{t('forms.intro')}</Typography.Text>
      <div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="web-form-new">{t('forms.new')}</Button>
      </div>
      <Table<ApiRecord> size="small" rowKey="id" loading={isPending} dataSource={forms} pagination={false} scroll={{ x: true }}
        locale={{ emptyText: t('forms.empty') }} data-testid="web-forms-table"
        columns={[
          { key: 'name', title: t('forms.name'), render: (_, form) => <Link to={`/o/web_forms/${form.id}`}>{String(form.name)}</Link> },
          { key: 'active', title: t('forms.active'), width: 80, render: (_, form) => <Switch size="small" checked={form.active !== false} loading={toggle.isPending} onChange={() => toggle.mutate(form)} aria-label={t('forms.active')} /> },
          {
            key: 'fields', title: t('forms.fields'), responsive: ['md'],
            render: (_, form) => <Space size={[0, 4]} wrap>{((form.fields as string[] | null) ?? []).map((name) => <Tag key={name}>{optionLabel(name)}</Tag>)}</Space>,
          },
          { key: 'leads', title: t('forms.leads'), width: 90, align: 'end', render: (_, form) => leadCount(form.id) },
          {
            key: 'actions', width: 150,
            render: (_, form) => (
              <Space size={0}>
                <Button type="text" icon={<CodeOutlined />} onClick={() => setEmbedId(form.id)} aria-label={t('forms.embed')} title={t('forms.embed')} data-testid={`web-form-embed-${form.id}`} />
                <Button type="text" icon={<EditOutlined />} onClick={() => setEditing(form)} aria-label={t('forms.edit')} title={t('forms.edit')} />
                <Popconfirm title={t('forms.deleteConfirm', { name: form.name })} okButtonProps={{ danger: true }} onConfirm={() => remove.mutate(form)}>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('forms.delete')} title={t('forms.delete')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]} />
      {object && editing && (
        <RecordForm object={object} record={editing === 'new' ? undefined : editing} open onClose={() => setEditing(undefined)}
          onSaved={(saved) => { void refresh(); if (editing === 'new') setEmbedId(saved.id) }} />
      )}
      <Drawer open={Boolean(embedded)} title={embedded ? String(embedded.name) : ''} onClose={() => setEmbedId(undefined)} size={phone ? '100%' : 640} destroyOnHidden>
        {embedded && <WebFormEmbed form={embedded} />}
      </Drawer>
    </Flex>
  )
}
