import { PlusOutlined } from '@ant-design/icons'
import { Button, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useLabel } from '../metadata/labels.ts'
import type { FieldMeta } from '../metadata/types.ts'
import { useMetadata } from '../metadata/use-metadata.ts'
import { AddFieldForm } from './AddFieldForm.tsx'
import { useIsAdmin } from './use-is-admin.ts'

/** The fields of one object, standard and custom, and "add field" for administrators. */
export function FieldsSettings() {
  const { t } = useTranslation('settings')
  const label = useLabel()
  const isAdmin = useIsAdmin()
  const { data: objects = [], isLoading } = useMetadata()
  const [params, setParams] = useSearchParams()
  const [adding, setAdding] = useState(false)
  const object = objects.find((candidate) => candidate.name === params.get('object')) ?? objects[0]
  // The fields a person works with first, the system's own last.
  const fields = (object?.fields ?? []).filter((field) => field.name !== 'id').sort((a, b) => Number(a.system) - Number(b.system))
  const columns = [
    { key: 'label', title: t('field.label'), render: (_: unknown, field: FieldMeta) => label(field.label) },
    { key: 'name', title: t('field.apiName'), render: (_: unknown, field: FieldMeta) => <Typography.Text code>{field.name}</Typography.Text> },
    { key: 'type', title: t('field.type'), render: (_: unknown, field: FieldMeta) => t(`type.${field.type}`) },
    {
      key: 'flags',
      title: t('field.attributes'),
      render: (_: unknown, field: FieldMeta) => (
        <Space size={[0, 4]} wrap>
          <Tag color={field.custom ? 'purple' : undefined}>{field.custom ? t('field.custom') : field.system ? t('field.system') : t('field.standard')}</Tag>
          {field.required && <Tag color="red">{t('field.required')}</Tag>}
          {field.readOnly && <Tag>{t('field.readOnly')}</Tag>}
        </Space>
      ),
    },
  ]
  return (
    <div data-testid="settings-fields">
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Typography.Text>{t('field.object')}</Typography.Text>
          <Select data-testid="fields-object" style={{ minWidth: 200 }} loading={isLoading} value={object?.name} showSearch={{ optionFilterProp: 'label' }}
            options={objects.map((candidate) => ({ value: candidate.name, label: label(candidate.pluralLabel) }))}
            onChange={(name) => setParams({ object: name }, { replace: true })} />
        </Space>
        {isAdmin && object && (
          <Button type="primary" icon={<PlusOutlined />} data-testid="add-field" onClick={() => setAdding(true)}>{t('field.add')}</Button>
        )}
      </Space>
      <Table<FieldMeta> rowKey="name" size="middle" columns={columns} dataSource={fields} loading={isLoading} pagination={false} scroll={{ x: 'max-content' }} data-testid="fields-table" />
      {object && adding && <AddFieldForm object={object} open={adding} onClose={() => setAdding(false)} />}
    </div>
  )
}
