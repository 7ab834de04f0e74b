import { AuditOutlined } from '@ant-design/icons'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Collapse, Flex, Input, Modal, Popconfirm, Space, Tag, Typography, type ButtonProps } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiRecord } from '../api/records.ts'
import { formatDateTime } from '../fields/FieldValue.tsx'
import { registerMessages } from '../i18n/register-messages.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { approvalKeys, approvalsApi, type ApplicableRule, type Approval } from './approvals-api.ts'
import { ApprovalSteps } from './ApprovalSteps.tsx'
import { DecisionButtons } from './DecisionButtons.tsx'
import { approvalMessages, approvalTimelineMessages } from './messages.ts'

registerMessages('approvals', approvalMessages)
registerMessages('record-page', approvalTimelineMessages)

export const STATUS_COLOURS: Record<Approval['status'], string> = { pending: 'gold', approved: 'green', rejected: 'red', cancelled: 'default' }

/**
 * On any record page: the approval rules that apply to the record now (with Submit for approval),
 * the current approver's decision buttons, and the approval trail. Shows nothing where no rule applies.
 */
export function ApprovalPanel({ object, record }: { object: ObjectMeta; record: ApiRecord }) {
  const { t } = useTranslation('approvals')
  const { t: tApp } = useTranslation()
  const { message } = App.useApp()
  const client = useQueryClient()
  const [submitting, setSubmitting] = useState<ApplicableRule>()
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const state = useQuery({ queryKey: [...approvalKeys.record(object.name, record.id), record.version], queryFn: () => approvalsApi.forRecord(object.name, record.id) })
  const approvals = state.data?.data ?? []
  const rules = state.data?.rules ?? []
  if (approvals.length === 0 && rules.length === 0) return null
  const refresh = () => Promise.all([
    client.invalidateQueries({ queryKey: approvalKeys.all }),
    client.invalidateQueries({ queryKey: ['record', object.name, record.id] }),
  ])
  const act = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await action()
      message.success(t(done))
      setSubmitting(undefined)
      setComment('')
    } catch (error) {
      message.error(error instanceof Error ? error.message : tApp('error.generic'))
    } finally {
      setBusy(false)
      await refresh()
    }
  }
  const open = approvals.filter((approval) => approval.status === 'pending')
  return (
    <Card size="small" title={<Space><AuditOutlined />{t('panel.title')}</Space>} data-testid="approval-panel">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {rules.map((rule) => (
          <Alert key={rule.id} showIcon type={rule.state === 'approved' ? 'success' : rule.state === 'pending' ? 'info' : 'warning'}
            title={t(`panel.${rule.state}`, { rule: rule.name })}
            action={rule.state === 'required' && object.permissions.update
              ? <Button size="small" type="primary" data-testid="submit-approval" onClick={() => setSubmitting(rule)}>{t('submit')}</Button>
              : undefined} />
        ))}
        {open.map((approval) => (
          <Flex key={approval.id} gap={8} wrap align="center" justify="end">
            <DecisionButtons approval={approval} />
            <Popconfirm title={t('cancel.confirm')} onConfirm={() => act(() => approvalsApi.cancel(approval.id), 'decide.done')}
              okButtonProps={{ 'data-testid': 'cancel-approval-confirm' } as ButtonProps}>
              <Button size="small" data-testid={`cancel-approval-${approval.id}`}>{t('cancel')}</Button>
            </Popconfirm>
          </Flex>
        ))}
        {approvals.length > 0 && (
          <Collapse size="small" ghost defaultActiveKey={open.map((approval) => approval.id)} items={approvals.map((approval) => ({
            key: approval.id,
            label: (
              <Space wrap size={6}>
                <Tag color={STATUS_COLOURS[approval.status]}>{t(`status.${approval.status}`)}</Tag>
                <Typography.Text>{approval.rule.name}</Typography.Text>
                <Typography.Text type="secondary">{approval.submitted_by?.name} · {formatDateTime(approval.created_at)}</Typography.Text>
              </Space>
            ),
            children: (
              <>
                {approval.comment && <Typography.Paragraph type="secondary">{t('note', { comment: approval.comment })}</Typography.Paragraph>}
                <ApprovalSteps steps={approval.steps} />
              </>
            ),
          }))} />
        )}
      </Space>
      <Modal open={submitting !== undefined} title={t('submit.title')} onCancel={() => setSubmitting(undefined)} confirmLoading={busy} okText={t('submit')}
        okButtonProps={{ 'data-testid': 'submit-approval-confirm' } as ButtonProps} destroyOnHidden
        onOk={() => submitting && act(() => approvalsApi.submit(object.name, record.id, submitting.id, comment.trim()), 'submit.done')}>
        <Typography.Paragraph>{submitting?.name}</Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={2000} value={comment} onChange={(event) => setComment(event.target.value)} placeholder={t('submit.comment')} data-testid="submit-approval-comment" />
      </Modal>
    </Card>
  )
}
