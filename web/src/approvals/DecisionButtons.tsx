import { useQueryClient } from '@tanstack/react-query'
import { App, Button, Input, Modal, Space, type ButtonProps } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { approvalKeys, approvalsApi, type Approval } from './approvals-api.ts'

type Decision = 'approve' | 'reject'

/** Approve or reject with a comment, for the current approver; the record and the lists refresh after. */
export function DecisionButtons({ approval, onDecided }: { approval: Approval; onDecided?: () => void }) {
  const { t } = useTranslation('approvals')
  const { t: tApp } = useTranslation()
  const { message } = App.useApp()
  const client = useQueryClient()
  const [decision, setDecision] = useState<Decision>()
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  if (!approval.can_decide) return null
  const decide = async () => {
    if (!decision) return
    setBusy(true)
    try {
      await approvalsApi.decide(approval.id, decision, comment.trim())
      message.success(t('decide.done'))
      setDecision(undefined)
      setComment('')
      onDecided?.()
    } catch (error) {
      message.error(error instanceof Error ? error.message : tApp('error.generic'))
    } finally {
      setBusy(false)
      await Promise.all([
        client.invalidateQueries({ queryKey: approvalKeys.all }),
        client.invalidateQueries({ queryKey: ['record', approval.related_object, approval.related_id] }),
        client.invalidateQueries({ queryKey: ['records'] }),
      ])
    }
  }
  return (
    <>
      <Space size={4}>
        <Button size="small" type="primary" data-testid={`approve-${approval.id}`} onClick={() => setDecision('approve')}>{t('approve')}</Button>
        <Button size="small" danger data-testid={`reject-${approval.id}`} onClick={() => setDecision('reject')}>{t('reject')}</Button>
      </Space>
      <Modal open={decision !== undefined} title={decision && t(`decide.${decision}.title`, { record: approval.title ?? '' })} onCancel={() => setDecision(undefined)}
        onOk={() => void decide()} confirmLoading={busy} okText={decision && t(decision)} okButtonProps={{ danger: decision === 'reject', 'data-testid': 'decision-confirm' } as ButtonProps} destroyOnHidden>
        <Input.TextArea rows={3} maxLength={2000} value={comment} onChange={(event) => setComment(event.target.value)} placeholder={t('decide.comment')} data-testid="decision-comment" />
      </Modal>
    </>
  )
}
