import type { Db } from '../db/database.ts'
import { notifyUsers } from '../notifications/notification-store.ts'
import { nowOf, type RecordContext } from '../records/record-context.ts'
import type { ApprovalRow } from './approval-store.ts'
import { stepRecipients, type StepApprover } from './approvers.ts'

interface ApprovalFacts {
  id: string
  related_object: string
  related_id: string
  title: string
  rule: string
}

/** Tells the approvers of a step that a record waits for their decision. */
export async function notifyApprovers(trx: Db, ctx: RecordContext, approval: ApprovalFacts & { step: number }, step: StepApprover): Promise<void> {
  const recipients = await stepRecipients(trx, ctx.actor.workspaceId, step)
  const submitter = await trx.selectFrom('users').select('name').where('workspace_id', '=', ctx.actor.workspaceId).where('id', '=', ctx.actor.userId).executeTakeFirst()
  await notifyUsers(trx, recipients.map((userId) => ({
    workspaceId: ctx.actor.workspaceId, userId, kind: 'approval_requested' as const,
    titleKey: 'notification.approval_requested.title', bodyKey: 'notification.approval_requested.body',
    params: { record: approval.title, rule: approval.rule, who: (submitter?.name as string | undefined) ?? '' },
    object: approval.related_object, recordId: approval.related_id,
    dedupeKey: `approval_requested:${approval.id}:${approval.step}`, createdAt: nowOf(ctx),
  })))
}

/** Tells the submitter about each decision on their request. */
export async function notifySubmitter(
  trx: Db, ctx: RecordContext, approval: ApprovalRow, outcome: 'approved' | 'rejected' | 'step_approved', facts: ApprovalFacts, comment: string | null,
): Promise<void> {
  if (!approval.owner_id) return
  const decider = await trx.selectFrom('users').select('name').where('workspace_id', '=', ctx.actor.workspaceId).where('id', '=', ctx.actor.userId).executeTakeFirst()
  await notifyUsers(trx, [{
    workspaceId: ctx.actor.workspaceId, userId: approval.owner_id, kind: 'approval_decided',
    titleKey: `notification.approval_${outcome}.title`, bodyKey: comment ? 'notification.approval_decided.comment' : undefined,
    params: { record: facts.title, rule: facts.rule, who: (decider?.name as string | undefined) ?? '', comment: comment ?? '' },
    object: facts.related_object, recordId: facts.related_id,
    dedupeKey: `approval_decided:${approval.id}:${approval.current_step ?? 1}`, createdAt: nowOf(ctx),
  }])
}
