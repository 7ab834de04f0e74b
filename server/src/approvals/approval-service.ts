import { sql } from 'kysely'
import { assertCan } from '../access/record-access.ts'
import type { Db } from '../db/database.ts'
import { AppError } from '../errors/app-error.ts'
import { appendEvents } from '../events/event-log.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import { nowOf, type RecordContext } from '../records/record-context.ts'
import { recordColumns, rowToRecord } from '../records/row-mapping.ts'
import { scopedSelect } from '../records/scoped-query.ts'
import { createRecords, updateRecords } from '../records/write-pipeline.ts'
import { notifyApprovers, notifySubmitter } from './approval-notifications.ts'
import { activeRules, conditionMatches, type ApprovalRule } from './approval-rules.ts'
import { approvalQuery, listApprovals, loadApproval, loadSteps, mayDecide, type ApprovalRow } from './approval-store.ts'
import { approverSteps } from './approvers.ts'
import { systemContext, writeMaintainedFields } from './system-writes.ts'

export interface SubmitInput {
  object: string
  record_id: string
  rule_id?: string
  comment?: string
}

/** The record being approved, locked, within the caller's write scope. */
async function lockTarget(trx: Db, ctx: RecordContext, object: ObjectSchema, id: string) {
  assertCan(ctx.actor, object, 'update')
  const row = isUuid(id) ? await scopedSelect(ctx, object, { db: trx, write: true }).select(recordColumns(object)).where('id', '=', id).forUpdate().executeTakeFirst() : undefined
  if (!row) throw new AppError('NOT_FOUND')
  return rowToRecord(object, row)
}

/** Rules whose condition the stored record meets now. */
export async function applicableRules(trx: Db, ctx: RecordContext, object: ObjectSchema, id: string): Promise<ApprovalRule[]> {
  const rules = await activeRules(trx, ctx.actor.workspaceId, object.name)
  const matching: ApprovalRule[] = []
  for (const rule of rules) if (await conditionMatches(trx, ctx.actor.workspaceId, object, rule, id, nowOf(ctx))) matching.push(rule)
  return matching
}

/** Moves the record's status as the rule says; a record deleted meanwhile keeps its state (the decision still counts). */
async function setRecordStatus(trx: Db, ctx: RecordContext, object: ObjectSchema, id: string, field: string, value: string | null) {
  if (!value) return
  let live = trx.selectFrom(object.table).select('id').where('workspace_id', '=', ctx.actor.workspaceId).where('id', '=', id).where('deleted_at', 'is', null)
  if (object.custom) live = live.where('object', '=', object.name)
  if (!(await live.executeTakeFirst())) return
  await updateRecords(systemContext(ctx), object, [{ id, input: { [field]: value } }], { trx })
}

async function recordEvent(trx: Db, ctx: RecordContext, approval: Pick<ApprovalRow, 'id' | 'related_object' | 'related_id'>, type: string, comment?: string | null) {
  await appendEvents(trx, [{
    workspaceId: ctx.actor.workspaceId, object: approval.related_object, recordId: approval.related_id, type,
    changes: { approval: { before: null, after: { id: approval.id, comment: comment ?? null } } }, actorId: ctx.actor.userId || null,
  }])
}

/** Submits a record for approval under the first applicable rule (or the one named) not yet approved or pending. */
export async function submitApproval(ctx: RecordContext, input: SubmitInput): Promise<string> {
  const object = ctx.catalog.find(input.object)
  if (!object) throw new AppError('VALIDATION_FAILED', [{ field: 'object', code: 'not_found' }])
  const approvals = ctx.catalog.get('approvals')
  return ctx.db.transaction().execute(async (trx) => {
    const record = await lockTarget(trx, ctx, object, input.record_id)
    const rules = (await applicableRules(trx, ctx, object, record.id)).filter((rule) => !input.rule_id || rule.id === input.rule_id)
    if (rules.length === 0) throw new AppError('UNPROCESSABLE', [{ field: input.rule_id ? 'rule_id' : 'record_id', code: 'approval_not_required' }])
    const open = await listApprovals(approvalQuery(trx, ctx.actor.workspaceId).where('related_object', '=', object.name).where('related_id', '=', record.id)
      .where('status', 'in', ['pending', 'approved']))
    const rule = rules.find((candidate) => !open.some((approval) => approval.rule_id === candidate.id))
    if (!rule) {
      const pending = open.some((approval) => approval.status === 'pending')
      throw new AppError('CONFLICT', [{ field: 'record_id', code: pending ? 'approval_pending' : 'already_approved' }])
    }
    const steps = await approverSteps(trx, ctx.actor.workspaceId, rule, (record.owner_id as string | null | undefined) ?? ctx.actor.userId)
    const title = String(record[object.titleField] ?? '').slice(0, 500)
    const [created] = await createRecords(systemContext(ctx), approvals, [{
      system: {
        title, related_object: object.name, related_id: record.id, rule_id: rule.id, status: 'pending', current_step: 1,
        current_approver_id: steps[0].approver_id, current_approver_role: steps[0].approver_role, comment: input.comment ?? null,
      },
    }], { trx })
    await sql`
      insert into approval_steps (workspace_id, approval_id, position, approver_id, approver_role, status)
      select ${ctx.actor.workspaceId}, ${created.id}, position, approver_id, approver_role, case when position = 1 then 'pending' else 'waiting' end
      from unnest(${steps.map((_, index) => index + 1)}::integer[], ${steps.map((step) => step.approver_id)}::uuid[], ${steps.map((step) => step.approver_role)}::text[])
        as s(position, approver_id, approver_role)`.execute(trx)
    await setRecordStatus(trx, ctx, object, record.id, rule.status_field, rule.pending_value)
    const approval = { id: created.id, related_object: object.name, related_id: record.id }
    await recordEvent(trx, ctx, approval, 'approval_submitted', input.comment)
    await notifyApprovers(trx, ctx, { ...approval, title, rule: rule.name, step: 1 }, steps[0])
    return created.id
  })
}

export type Decision = 'approve' | 'reject'

/** The current approver's decision: the next step, the approved status, or the rejection and its reset. */
export async function decideApproval(ctx: RecordContext, id: string, decision: Decision, comment: string | null): Promise<void> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND')
  const approvals = ctx.catalog.get('approvals')
  await ctx.db.transaction().execute(async (trx) => {
    const approval = await loadApproval(trx, ctx.actor.workspaceId, id, true)
    if (!approval) throw new AppError('NOT_FOUND')
    if (approval.status !== 'pending') throw new AppError('CONFLICT', [{ field: 'status', code: 'approval_closed' }])
    if (!mayDecide(ctx.actor, approval)) throw new AppError('FORBIDDEN')
    const now = nowOf(ctx)
    const steps = await loadSteps(trx, ctx.actor.workspaceId, [id])
    const position = approval.current_step ?? 1
    await sql`
      update approval_steps set status = ${decision === 'approve' ? 'approved' : 'rejected'}, decided_by = ${ctx.actor.userId}, comment = ${comment}, decided_at = ${now}
      where workspace_id = ${ctx.actor.workspaceId} and approval_id = ${id} and position = ${position}`.execute(trx)
    const next = decision === 'approve' ? steps.find((step) => step.position === position + 1) : undefined
    const rule = await trx.selectFrom('approval_rules').selectAll().where('workspace_id', '=', ctx.actor.workspaceId).where('id', '=', approval.rule_id).executeTakeFirst() as ApprovalRule | undefined
    const target = ctx.catalog.find(approval.related_object)
    const system = systemContext(ctx)
    const facts = { id, related_object: approval.related_object, related_id: approval.related_id, title: approval.title ?? '', rule: rule?.name ?? '' }
    if (next) {
      await sql`update approval_steps set status = 'pending' where workspace_id = ${ctx.actor.workspaceId} and approval_id = ${id} and position = ${next.position}`.execute(trx)
      await writeMaintainedFields(trx, system, approvals, id, { current_step: next.position, current_approver_id: next.approver_id, current_approver_role: next.approver_role })
      await recordEvent(trx, ctx, approval, 'approval_step_approved', comment)
      await notifyApprovers(trx, ctx, { ...facts, step: next.position }, next)
      await notifySubmitter(trx, ctx, approval, 'step_approved', facts, comment)
      return
    }
    const status = decision === 'approve' ? 'approved' : 'rejected'
    await sql`update approval_steps set status = 'skipped' where workspace_id = ${ctx.actor.workspaceId} and approval_id = ${id} and status = 'waiting'`.execute(trx)
    await writeMaintainedFields(trx, system, approvals, id, { status, decided_at: now.toISOString(), current_approver_id: null, current_approver_role: null })
    if (rule && target) await setRecordStatus(trx, ctx, target, approval.related_id, rule.status_field, decision === 'approve' ? rule.approved_value : rule.reset_value)
    await recordEvent(trx, ctx, approval, `approval_${status}`, comment)
    await notifySubmitter(trx, ctx, approval, status, facts, comment)
  })
}

/** The submitter (or an administrator) withdraws a pending request; the record's status goes back. */
export async function cancelApproval(ctx: RecordContext, id: string): Promise<void> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND')
  await ctx.db.transaction().execute(async (trx) => {
    const approval = await loadApproval(trx, ctx.actor.workspaceId, id, true)
    if (!approval) throw new AppError('NOT_FOUND')
    if (approval.owner_id !== ctx.actor.userId && ctx.actor.role !== 'admin') throw new AppError('FORBIDDEN')
    if (approval.status !== 'pending') throw new AppError('CONFLICT', [{ field: 'status', code: 'approval_closed' }])
    await closeApprovals(trx, ctx, [approval], 'approval_cancelled')
    const rule = (await activeRules(trx, ctx.actor.workspaceId, approval.related_object)).find((candidate) => candidate.id === approval.rule_id)
    const target = ctx.catalog.find(approval.related_object)
    const record = target && (await trx.selectFrom(target.table).select(recordColumns(target)).where('workspace_id', '=', ctx.actor.workspaceId).where('id', '=', approval.related_id).executeTakeFirst())
    if (rule && target && record && rule.pending_value && rowToRecord(target, record)[rule.status_field] === rule.pending_value) {
      await setRecordStatus(trx, ctx, target, approval.related_id, rule.status_field, rule.reset_value)
    }
  })
}

/** Marks open approvals cancelled (withdrawn, or voided by an edit of what was approved), with an event on the record. */
export async function closeApprovals(trx: Db, ctx: RecordContext, open: ApprovalRow[], eventType: string): Promise<void> {
  const approvals = ctx.catalog.get('approvals')
  for (const approval of open) {
    await sql`update approval_steps set status = 'cancelled' where workspace_id = ${ctx.actor.workspaceId} and approval_id = ${approval.id} and status in ('pending', 'waiting')`.execute(trx)
    await writeMaintainedFields(trx, systemContext(ctx), approvals, approval.id, { status: 'cancelled', decided_at: nowOf(ctx).toISOString(), current_approver_id: null, current_approver_role: null })
    await recordEvent(trx, ctx, approval, eventType)
  }
}
