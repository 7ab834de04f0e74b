import { EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { recordsApi, type ApiRecord } from '../api/records.ts'
import { FieldValue } from '../fields/FieldValue.tsx'
import { useRecordTitles } from '../fields/use-record-titles.ts'
import { RecordForm } from '../forms/RecordForm.tsx'
import { useLabel } from '../metadata/labels.ts'
import { fieldOf, useObjectMeta } from '../metadata/use-metadata.ts'
import { TeamMembers } from './TeamMembers.tsx'
import { useWorkspaceUsers } from './use-workspace-users.ts'

/** Teams: create and rename through the teams object's own form; manager and members set here. */
export function TeamsSettings() {
  const { t } = useTranslation('settings')
  const label = useLabel()
  const teams = useObjectMeta('teams')
  const users = useObjectMeta('users')
  const list = useQuery({ queryKey: ['records', 'teams', 'settings'], queryFn: () => recordsApi.list('teams', { limit: 200, sort: 'name' }).then((page) => page.data) })
  const members = useWorkspaceUsers().data ?? []
  const records = list.data ?? []
  const [editing, setEditing] = useState<ApiRecord | 'new'>()
  const [staffing, setStaffing] = useState<ApiRecord>()
  const userTitles = useRecordTitles('users', records.map((record) => String(record.manager_id ?? '')))
  const teamTitles = useRecordTitles('teams', records.map((record) => String(record.parent_team_id ?? '')))
  if (!teams) return null
  const canUpdate = teams.permissions.update
  const canMoveUsers = Boolean(users?.permissions.update)
  const manager = fieldOf(teams, 'manager_id')
  const parent = fieldOf(teams, 'parent_team_id')
  const columns = [
    { key: 'name', title: label(fieldOf(teams, 'name')?.label), render: (_: unknown, record: ApiRecord) => <Typography.Text strong>{String(record.name ?? '')}</Typography.Text> },
    ...(manager ? [{ key: 'manager', title: label(manager.label), render: (_: unknown, record: ApiRecord) => <FieldValue field={manager} value={record.manager_id} titles={userTitles} /> }] : []),
    ...(parent ? [{ key: 'parent', title: label(parent.label), render: (_: unknown, record: ApiRecord) => <FieldValue field={parent} value={record.parent_team_id} titles={teamTitles} /> }] : []),
    {
      key: 'members',
      title: t('team.members'),
      render: (_: unknown, record: ApiRecord) => {
        const names = members.filter((user) => user.team_id === record.id).map((user) => String(user.name ?? ''))
        return <Typography.Text ellipsis={{ tooltip: names.join(', ') }} style={{ maxWidth: 220 }}>{t('team.memberCount', { count: names.length })}</Typography.Text>
      },
    },
    {
      key: 'actions',
      title: t('object.actions'),
      render: (_: unknown, record: ApiRecord) => (
        <Space size={0}>
          {canUpdate && <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(record)} data-testid={`team-edit-${record.id}`}>{t('team.edit')}</Button>}
          {canMoveUsers && <Button type="link" size="small" icon={<TeamOutlined />} onClick={() => setStaffing(record)} data-testid={`team-members-${record.id}`}>{t('team.members')}</Button>}
        </Space>
      ),
    },
  ]
  return (
    <div data-testid="settings-teams">
      {!canUpdate && <Alert type="info" showIcon title={t('readOnly')} style={{ marginBottom: 16 }} />}
      {teams.permissions.create && (
        <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'flex-end' }}>
          <Button type="primary" icon={<PlusOutlined />} data-testid="new-team" onClick={() => setEditing('new')}>{t('team.new')}</Button>
        </Space>
      )}
      <Table<ApiRecord> rowKey="id" size="middle" columns={columns} dataSource={records} loading={list.isLoading} pagination={false} scroll={{ x: 'max-content' }} data-testid="teams-table" />
      {editing && <RecordForm object={teams} record={editing === 'new' ? undefined : editing} open onClose={() => setEditing(undefined)} />}
      {staffing && <TeamMembers team={staffing} users={members} onClose={() => setStaffing(undefined)} />}
    </div>
  )
}
