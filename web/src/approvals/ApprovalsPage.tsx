import { useQuery } from '@tanstack/react-query'
import { Empty, Popover, Table, Tabs, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDateTime } from '../fields/FieldValue.tsx'
import { registerMessages } from '../i18n/register-messages.ts'
import { useLabel } from '../metadata/labels.ts'
import { useMetadata } from '../metadata/use-metadata.ts'
import { approvalKeys, approvalsApi, type Approval } from './approvals-api.ts'
import { STATUS_COLOURS } from './ApprovalPanel.tsx'
import { ApprovalSteps } from './ApprovalSteps.tsx'
import { DecisionButtons } from './DecisionButtons.tsx'
import { approvalMessages } from './messages.ts'

registerMessages('approvals', approvalMessages)

type Box = 'mine' | 'submitted'

/** /approvals — the approver's inbox (pending for me) and the requests the caller submitted. */
export function ApprovalsPage() {
  const { t } = useTranslation('approvals')
  const label = useLabel()
  const { data: objects = [] } = useMetadata()
  const [box, setBox] = useState<Box>('mine')
  const list = useQuery({ queryKey: approvalKeys.inbox(box), queryFn: () => approvalsApi.inbox(box) })
  const objectLabel = (name: string) => label(objects.find((object) => object.name === name)?.label)
  const columns = [
    {
      key: 'record', title: t('column.record'),
      render: (_: unknown, approval: Approval) => (
        <div>
          <Link to={`/o/${approval.related_object}/${approval.related_id}`} data-testid={`approval-record-${approval.id}`}>{approval.title || approval.related_id}</Link>
          <div><Typography.Text type="secondary">{objectLabel(approval.related_object)}</Typography.Text></div>
        </div>
      ),
    },
    { key: 'rule', title: t('column.rule'), render: (_: unknown, approval: Approval) => approval.rule.name },
    {
      key: 'submitter', title: t('column.submitter'),
      render: (_: unknown, approval: Approval) => (
        <div>
          {approval.submitted_by?.name}
          {approval.comment && <div><Typography.Text type="secondary">{t('note', { comment: approval.comment })}</Typography.Text></div>}
        </div>
      ),
    },
    { key: 'submitted', title: t('column.submitted'), render: (_: unknown, approval: Approval) => formatDateTime(approval.created_at) },
    {
      key: 'status', title: t('column.status'),
      render: (_: unknown, approval: Approval) => (
        <Popover content={<ApprovalSteps steps={approval.steps} />} title={t('trail')}>
          <Tag color={STATUS_COLOURS[approval.status]} style={{ cursor: 'help' }}>{t(`status.${approval.status}`)}</Tag>
        </Popover>
      ),
    },
    { key: 'decide', title: '', align: 'end' as const, render: (_: unknown, approval: Approval) => <DecisionButtons approval={approval} /> },
  ]
  return (
    <div data-testid="approvals-page">
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 0 }}>{t('title')}</Typography.Title>
      <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      <Tabs activeKey={box} onChange={(key) => setBox(key as Box)} items={(['mine', 'submitted'] as const).map((key) => ({ key, label: t(`tab.${key}`) }))} />
      <Table<Approval> rowKey="id" size="small" columns={columns} dataSource={list.data?.data ?? []} loading={list.isPending} pagination={false} scroll={{ x: true }}
        locale={{ emptyText: <Empty description={t(`empty.${box}`)} /> }} />
    </div>
  )
}
