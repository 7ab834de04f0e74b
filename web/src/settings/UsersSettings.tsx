import { PlusOutlined } from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Input, List, Select, Space, Switch, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import { recordsApi, type ApiRecord } from '../api/records.ts'
import { useSession } from '../auth/use-session.ts'
import { FieldValue } from '../fields/FieldValue.tsx'
import { RecordPicker } from '../fields/RecordPicker.tsx'
import { useRecordTitles } from '../fields/use-record-titles.ts'
import { useLabel } from '../metadata/labels.ts'
import { fieldOf, useObjectMeta } from '../metadata/use-metadata.ts'
import { InviteUserForm } from './InviteUserForm.tsx'
import { useWorkspaceUsers } from './use-workspace-users.ts'
import { useIsPhone } from '../app/use-is-phone.ts'

/** Workspace members: role and team changed in place, deactivation, invitation. Read-only to whoever may not update users. */
export function UsersSettings() {
  const { t } = useTranslation('settings')
  const label = useLabel()
  const { message } = App.useApp()
  const client = useQueryClient()
  const session = useSession().data
  const users = useObjectMeta('users')
  const [inviting, setInviting] = useState(false)
  const [search, setSearch] = useState('')
  const phone = useIsPhone()
  const list = useWorkspaceUsers()
  const records = list.data ?? []
  const teamTitles = useRecordTitles('teams', records.map((record) => String(record.team_id ?? '')))
  const update = useMutation({
    mutationFn: ({ record, values }: { record: ApiRecord; values: Record<string, unknown> }) => recordsApi.update('users', record.id, record.version, values),
    onSuccess: () => client.invalidateQueries({ queryKey: ['records', 'users'] }),
    onError: (error) => {
      message.error(error instanceof ApiError && error.status === 412 ? t('user.stale') : error instanceof ApiError && error.fields[0] ? error.fields[0].message : error.message)
      void client.invalidateQueries({ queryKey: ['records', 'users'] })
    },
  })
  if (!users) return null
  const canUpdate = users.permissions.update
  const role = fieldOf(users, 'role')!
  const team = fieldOf(users, 'team_id')!
  const change = (record: ApiRecord, values: Record<string, unknown>) => update.mutate({ record, values })
  const needle = search.trim().toLowerCase()
  const shown = needle ? records.filter((record) => `${record.name} ${record.email}`.toLowerCase().includes(needle)) : records
  const nameCell = (record: ApiRecord) => (
    <Space orientation="vertical" size={0}>
      <Typography.Text strong delete={record.active === false}>{String(record.name ?? '')}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{String(record.email ?? '')}</Typography.Text>
    </Space>
  )
  const roleCell = (record: ApiRecord) => (canUpdate
    ? <Select size="small" style={{ width: 130 }} value={record.role as string} data-testid={`user-role-${record.id}`} disabled={record.id === session?.user.id}
        options={(role.options ?? []).map((option) => ({ value: option.value, label: label(option.label) }))} onChange={(next) => change(record, { role: next })} />
    : <FieldValue field={role} value={record.role} />)
  const teamCell = (record: ApiRecord) => (canUpdate
    ? <div style={{ width: 170 }}><RecordPicker target="teams" value={(record.team_id as string | null) ?? null} onChange={(next) => change(record, { team_id: next })} /></div>
    : <FieldValue field={team} value={record.team_id} titles={teamTitles} />)
  const activeCell = (record: ApiRecord) => (canUpdate
    ? <Switch size="small" checked={record.active !== false} disabled={record.id === session?.user.id} data-testid={`user-active-${record.id}`}
        checkedChildren={t('user.activeOn')} unCheckedChildren={t('user.activeOff')} onChange={(active) => change(record, { active })} />
    : <Tag color={record.active === false ? undefined : 'green'}>{record.active === false ? t('user.activeOff') : t('user.activeOn')}</Tag>)
  const columns = [
    { key: 'name', title: label(fieldOf(users, 'name')?.label), render: (_: unknown, record: ApiRecord) => nameCell(record) },
    { key: 'role', title: label(role.label), render: (_: unknown, record: ApiRecord) => roleCell(record) },
    { key: 'team', title: label(team.label), render: (_: unknown, record: ApiRecord) => teamCell(record) },
    { key: 'active', title: t('user.active'), render: (_: unknown, record: ApiRecord) => activeCell(record) },
  ]
  // A phone gets one card per user: name on top, the controls wrapped below.
  const phoneList = (
    <List<ApiRecord> dataSource={shown} loading={list.isLoading} data-testid="users-list" pagination={shown.length > 50 ? { pageSize: 50, size: 'small' } : false}
      renderItem={(record) => (
        <List.Item key={record.id} style={{ display: 'block' }}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>{nameCell(record)}{activeCell(record)}</Space>
          <Space wrap style={{ marginTop: 8 }}>{roleCell(record)}{teamCell(record)}</Space>
        </List.Item>
      )} />
  )
  return (
    <div data-testid="settings-users">
      {!canUpdate && <Alert type="info" showIcon title={t('readOnly')} style={{ marginBottom: 16 }} />}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 16, justifyContent: 'space-between' }}>
        <Input.Search allowClear placeholder={t('user.search')} style={{ width: phone ? '100%' : 240 }} value={search} onChange={(event) => setSearch(event.target.value)} />
        {users.permissions.create && <Button type="primary" icon={<PlusOutlined />} data-testid="invite-user" onClick={() => setInviting(true)}>{t('user.invite')}</Button>}
      </div>
      {phone ? phoneList : (
        <Table<ApiRecord> rowKey="id" size="middle" columns={columns} dataSource={shown} loading={list.isLoading} scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }} data-testid="users-table" />
      )}
      {inviting && <InviteUserForm users={users} open={inviting} onClose={() => setInviting(false)} />}
    </div>
  )
}
