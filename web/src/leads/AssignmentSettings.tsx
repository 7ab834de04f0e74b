import { PlusOutlined } from '@ant-design/icons'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Flex, Form, Select, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import { recordsApi, type ApiRecord } from '../api/records.ts'
import { RecordForm } from '../forms/RecordForm.tsx'
import { registerMessages } from '../i18n/register-messages.ts'
import { useObjectMeta } from '../metadata/use-metadata.ts'
import { useWorkspaceUsers } from '../settings/use-workspace-users.ts'
import { AssignmentRulesTable } from './AssignmentRulesTable.tsx'
import { leadsApi } from './leads-api.ts'
import { leadsMessages } from './messages.ts'

registerMessages('leads', leadsMessages)

const rulesKey = ['records', 'lead_assignment_rules', 'settings'] as const
const settingsKey = ['lead-assignment', 'settings'] as const
const STEP = 10

/** /settings/lead-assignment: the ordered assignment rules and the fallback owner. */
export function AssignmentSettings() {
  const { t } = useTranslation('leads')
  const { message } = App.useApp()
  const client = useQueryClient()
  const object = useObjectMeta('lead_assignment_rules')
  const users = useWorkspaceUsers()
  const { data: rules = [], isPending } = useQuery({
    queryKey: rulesKey,
    queryFn: () => recordsApi.list('lead_assignment_rules', { sort: 'position', limit: 200 }).then((page) => page.data),
  })
  const settings = useQuery({ queryKey: settingsKey, queryFn: leadsApi.assignmentSettings })
  const [editing, setEditing] = useState<ApiRecord | 'new'>()
  const failed = (error: unknown) => message.error(error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : String(error))
  const refresh = () => client.invalidateQueries({ queryKey: rulesKey })
  // Renumbers every rule in steps of ten, so a rule can later go between two without touching the rest.
  const reorder = useMutation({
    mutationFn: (ordered: ApiRecord[]) => recordsApi.bulk('lead_assignment_rules', {
      update: ordered.flatMap((rule, index) => (rule.position === (index + 1) * STEP ? [] : [{ id: rule.id, version: rule.version, position: (index + 1) * STEP }])),
    }),
    onSuccess: () => void refresh(),
    onError: (error) => { void failed(error); void refresh() },
  })
  const move = (index: number, by: -1 | 1) => {
    const ordered = [...rules]
    ;[ordered[index], ordered[index + by]] = [ordered[index + by], ordered[index]]
    client.setQueryData(rulesKey, ordered)
    reorder.mutate(ordered)
  }
  const remove = useMutation({ mutationFn: (rule: ApiRecord) => recordsApi.remove('lead_assignment_rules', rule.id, rule.version), onSuccess: () => void refresh(), onError: failed })
  const saveFallback = useMutation({
    mutationFn: (owner: string | null) => leadsApi.saveAssignmentSettings({ fallback_owner_id: owner }),
    onSuccess: (saved) => { client.setQueryData(settingsKey, saved); void message.success(t('rules.saved')) },
    onError: failed,
  })
  const nextPosition = (rules.reduce((max, rule) => Math.max(max, Number(rule.position ?? 0)), 0) || 0) + STEP
  return (
    <Flex vertical gap={12} data-testid="assignment-settings">
      <Typography.Text type="secondary">{t('rules.intro')}</Typography.Text>
      <div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="assignment-rule-new">{t('rules.new')}</Button>
      </div>
      {object && (
        <AssignmentRulesTable object={object} rules={rules} loading={isPending || reorder.isPending} onMove={move} onEdit={setEditing} onDelete={(rule) => remove.mutate(rule)} />
      )}
      <Form layout="vertical" style={{ maxWidth: 420 }}>
        <Form.Item label={t('rules.fallback')} extra={t('rules.fallbackHelp')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('rules.fallbackNone')} loading={settings.isPending || saveFallback.isPending}
            value={settings.data?.fallback_owner_id ?? undefined} onChange={(value: string | undefined) => saveFallback.mutate(value ?? null)}
            options={(users.data ?? []).filter((user) => user.active !== false).map((user) => ({ value: user.id, label: String(user.name) }))}
            data-testid="assignment-fallback" />
        </Form.Item>
      </Form>
      {object && editing && (
        <RecordForm object={object} record={editing === 'new' ? undefined : editing} initialValues={{ position: nextPosition, method: 'round_robin', active: true }}
          open onClose={() => setEditing(undefined)} onSaved={() => void refresh()} />
      )}
    </Flex>
  )
}
