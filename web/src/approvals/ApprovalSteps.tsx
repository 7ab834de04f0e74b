import { Steps, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../fields/FieldValue.tsx'
import { useLabel } from '../metadata/labels.ts'
import { fieldOf, useObjectMeta } from '../metadata/use-metadata.ts'
import type { ApprovalStep } from './approvals-api.ts'

const STEP_STATUS = { approved: 'finish', rejected: 'error', pending: 'process', waiting: 'wait', skipped: 'wait', cancelled: 'wait' } as const

/** The approvers of one request in order: who decides, what they decided, when and why. */
export function ApprovalSteps({ steps }: { steps: ApprovalStep[] }) {
  const { t } = useTranslation('approvals')
  const label = useLabel()
  const users = useObjectMeta('users')
  const roleName = (role: string) => {
    const option = users && fieldOf(users, 'role')?.options?.find((candidate) => candidate.value === role)
    return option ? label(option.label) : role
  }
  return (
    <Steps size="small" orientation="vertical" current={-1} items={steps.map((step) => ({
      key: step.position,
      status: STEP_STATUS[step.status],
      title: step.approver?.name ?? t('step.role', { role: roleName(step.approver_role ?? '') }),
      description: (
        <div data-testid={`approval-step-${step.position}`}>
          <Typography.Text type="secondary">
            {step.decided_by && step.decided_at ? t('step.by', { who: step.decided_by.name, when: formatDateTime(step.decided_at) }) : t(`step.${step.status}`)}
          </Typography.Text>
          {step.decided_by && <Typography.Text type="secondary"> · {t(`step.${step.status}`)}</Typography.Text>}
          {step.comment && <div><Typography.Text>{step.comment}</Typography.Text></div>}
        </div>
      ),
    }))} />
  )
}
