import { sql } from 'kysely'
import type { Actor } from '../access/actor.ts'
import type { Db } from '../db/database.ts'

export interface ApprovalRow {
  id: string
  owner_id: string | null
  title: string | null
  related_object: string
  related_id: string
  rule_id: string
  status: string
  current_step: number | null
  current_approver_id: string | null
  current_approver_role: string | null
  comment: string | null
  created_at: Date
  decided_at: Date | null
}

export interface StepRow {
  approval_id: string
  position: number
  approver_id: string | null
  approver_role: string | null
  status: string
  decided_by: string | null
  comment: string | null
  decided_at: Date | null
}

const COLUMNS = ['id', 'owner_id', 'title', 'related_object', 'related_id', 'rule_id', 'status', 'current_step', 'current_approver_id',
  'current_approver_role', 'comment', 'created_at', 'decided_at'] as const

const toRow = (row: Record<string, unknown>): ApprovalRow => ({ ...(row as unknown as ApprovalRow), current_step: row.current_step == null ? null : Number(row.current_step) })

/** Approvals of the workspace matching `where` (no owner scope: callers decide who may see them). */
export function approvalQuery(db: Db, workspaceId: string) {
  return db.selectFrom('approvals').select([...COLUMNS]).where('workspace_id', '=', workspaceId).where('deleted_at', 'is', null)
}

export async function loadApproval(db: Db, workspaceId: string, id: string, lock = false): Promise<ApprovalRow | undefined> {
  const row = await approvalQuery(db, workspaceId).where('id', '=', id).$if(lock, (q) => q.forUpdate()).executeTakeFirst()
  return row && toRow(row)
}

export async function listApprovals(query: ReturnType<typeof approvalQuery>): Promise<ApprovalRow[]> {
  return (await query.execute()).map(toRow)
}

export async function loadSteps(db: Db, workspaceId: string, approvalIds: string[]): Promise<StepRow[]> {
  if (approvalIds.length === 0) return []
  const rows = await sql<StepRow>`
    select approval_id, position, approver_id, approver_role, status, decided_by, comment, decided_at from approval_steps
    where workspace_id = ${workspaceId} and approval_id = any(${approvalIds}::uuid[]) order by approval_id, position`.execute(db)
  return rows.rows.map((row) => ({ ...row, position: Number(row.position) }))
}

/** Only the current step's approver — a named user, or a member of its role — or an administrator decides. */
export function mayDecide(actor: Actor, approval: ApprovalRow): boolean {
  if (approval.status !== 'pending') return false
  if (actor.role === 'admin') return true
  if (approval.current_approver_id) return approval.current_approver_id === actor.userId
  return approval.current_approver_role !== null && approval.current_approver_role === actor.role
}

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null)

/** Approvals as the API shows them: names resolved, steps in order, and whether the caller may decide. */
export async function approvalViews(db: Db, actor: Actor, approvals: ApprovalRow[]) {
  const steps = await loadSteps(db, actor.workspaceId, approvals.map((approval) => approval.id))
  const userIds = new Set<string>()
  for (const approval of approvals) if (approval.owner_id) userIds.add(approval.owner_id)
  for (const step of steps) for (const id of [step.approver_id, step.decided_by]) if (id) userIds.add(id)
  const ruleIds = [...new Set(approvals.map((approval) => approval.rule_id))]
  const [users, rules] = await Promise.all([
    userIds.size === 0 ? [] : db.selectFrom('users').select(['id', 'name']).where('workspace_id', '=', actor.workspaceId).where('id', 'in', [...userIds]).execute(),
    ruleIds.length === 0 ? [] : db.selectFrom('approval_rules').select(['id', 'name']).where('workspace_id', '=', actor.workspaceId).where('id', 'in', ruleIds).execute(),
  ])
  const person = (id: string | null) => (id ? { id, name: (users.find((user) => user.id === id)?.name as string | undefined) ?? '' } : null)
  return approvals.map((approval) => ({
    id: approval.id,
    title: approval.title,
    related_object: approval.related_object,
    related_id: approval.related_id,
    rule: { id: approval.rule_id, name: (rules.find((rule) => rule.id === approval.rule_id)?.name as string | undefined) ?? '' },
    status: approval.status,
    current_step: approval.current_step,
    submitted_by: person(approval.owner_id),
    comment: approval.comment,
    created_at: iso(approval.created_at),
    decided_at: iso(approval.decided_at),
    can_decide: mayDecide(actor, approval),
    steps: steps.filter((step) => step.approval_id === approval.id).map((step) => ({
      position: step.position,
      approver: person(step.approver_id),
      approver_role: step.approver_role,
      status: step.status,
      decided_by: person(step.decided_by),
      comment: step.comment,
      decided_at: iso(step.decided_at),
    })),
  }))
}
