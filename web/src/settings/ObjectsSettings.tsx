import { PlusOutlined } from '@ant-design/icons'
import { Button, Empty, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useLabel } from '../metadata/labels.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { useMetadata } from '../metadata/use-metadata.ts'
import { NewObjectForm } from './NewObjectForm.tsx'
import { useIsAdmin } from './use-is-admin.ts'

/** The workspace's custom objects, and "new object" for administrators. */
export function ObjectsSettings() {
  const { t } = useTranslation('settings')
  const label = useLabel()
  const isAdmin = useIsAdmin()
  const { data: objects = [], isLoading } = useMetadata()
  const [creating, setCreating] = useState(false)
  const custom = objects.filter((object) => object.custom)
  const columns = [
    { key: 'label', title: t('object.label'), render: (_: unknown, object: ObjectMeta) => <Link to={`/o/${object.name}`}>{label(object.pluralLabel)}</Link> },
    { key: 'name', title: t('object.apiName'), render: (_: unknown, object: ObjectMeta) => <Typography.Text code>{object.name}</Typography.Text> },
    { key: 'fields', title: t('object.fieldCount'), render: (_: unknown, object: ObjectMeta) => object.fields.filter((field) => !field.system).length },
    {
      key: 'actions',
      title: t('object.actions'),
      render: (_: unknown, object: ObjectMeta) => <Link to={`/settings/fields?object=${object.name}`}>{t('object.editFields')}</Link>,
    },
  ]
  return (
    <div data-testid="settings-objects">
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">{t('object.intro')}</Typography.Text>
        {isAdmin && <Button type="primary" icon={<PlusOutlined />} data-testid="new-object" onClick={() => setCreating(true)}>{t('object.new')}</Button>}
      </Space>
      <Table<ObjectMeta> rowKey="name" size="middle" columns={columns} dataSource={custom} loading={isLoading} pagination={false} scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('object.none')} /> }} data-testid="objects-table" />
      {creating && <NewObjectForm open={creating} onClose={() => setCreating(false)} />}
    </div>
  )
}
