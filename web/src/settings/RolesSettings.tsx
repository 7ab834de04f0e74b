import { CheckOutlined, MinusOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { Alert, Table, Tabs, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ObjectAction, ObjectPermission } from '../../../server/src/access/roles.ts'
import { useSession } from '../auth/use-session.ts'
import { useLabel } from '../metadata/labels.ts'
import { useMetadata } from '../metadata/use-metadata.ts'
import { rolesKey, settingsApi, type RoleDefinition } from './settings-api.ts'

const ACTIONS: ObjectAction[] = ['create', 'read', 'update', 'delete', 'export']
const NONE: ObjectPermission = { create: false, read: false, update: false, delete: false, export: false, scope: 'own' }

interface Row { key: string; object: string; permission: ObjectPermission }

/** A read-only overview: what each role may do on each object, and which records it reaches. */
export function RolesSettings() {
  const { t } = useTranslation('settings')
  const label = useLabel()
  const session = useSession().data
  const { data: objects = [] } = useMetadata()
  const roles = useQuery({ queryKey: rolesKey, queryFn: settingsApi.roles, staleTime: 60_000 })
  const rowsOf = (role: RoleDefinition): Row[] => [
    ...objects.map((object) => ({ key: object.name, object: label(object.pluralLabel), permission: role.permissions[object.name] ?? role.permissions['*'] ?? NONE })),
    { key: '*', object: t('role.otherObjects'), permission: role.permissions['*'] ?? NONE },
  ]
  const columns = [
    { key: 'object', title: t('role.object'), render: (_: unknown, row: Row) => row.object },
    ...ACTIONS.map((action) => ({
      key: action,
      title: t(`role.${action}`),
      align: 'center' as const,
      render: (_: unknown, row: Row) => (row.permission[action]
        ? <CheckOutlined style={{ color: '#52c41a' }} aria-label={t('role.allowed')} />
        : <MinusOutlined style={{ color: '#bfbfbf' }} aria-label={t('role.denied')} />),
    })),
    { key: 'scope', title: t('role.scope'), render: (_: unknown, row: Row) => (row.permission.read ? <Tag>{t(`scope.${row.permission.scope}`)}</Tag> : null) },
  ]
  if (roles.isError) return <Alert type="error" showIcon title={roles.error.message} />
  return (
    <div data-testid="settings-roles">
      <Typography.Paragraph type="secondary">{t('role.intro')}</Typography.Paragraph>
      <Tabs
        items={(roles.data ?? []).map((role) => ({
          key: role.key,
          label: (
            <span data-testid={`role-${role.key}`}>
              {label(role.label)}
              {session?.role === role.key && <Tag color="blue" style={{ marginInlineStart: 8 }}>{t('role.yours')}</Tag>}
            </span>
          ),
          children: <Table<Row> rowKey="key" size="small" columns={columns} dataSource={rowsOf(role)} pagination={false} scroll={{ x: 'max-content' }} />,
        }))}
      />
    </div>
  )
}
