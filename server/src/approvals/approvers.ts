import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import type { ApprovalRule } from './approval-rules.ts'

export interface StepApprover {
  approver_id: string | null
  approver_role: string | null
}

const ADMINS: StepApprover = { approver_id: null, approver_role: 'admin' }

async function activeUser(db: Db, workspaceId: string, id: string) {
  return db.selectFrom('users').select(['id', 'manager_id', 'active'])
    .where('workspace_id', '=', workspaceId).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
}

/**
 * Who decides, in order. The manager chain climbs users.manager_id from the record's owner up to
 * `manager_levels` managers, passing over deactivated ones and stopping at a loop; when nobody is found
 * (no manager, or a user approver who left), the workspace's administrators decide.
 */
export async function approverSteps(db: Db, workspaceId: string, rule: ApprovalRule, ownerId: string | null): Promise<StepApprover[]> {
  if (rule.approver_kind === 'role' && rule.approver_role) return [{ approver_id: null, approver_role: rule.approver_role }]
  if (rule.approver_kind === 'user' && rule.approver_user_id) {
    const user = await activeUser(db, workspaceId, rule.approver_user_id)
    return user && user.active !== false ? [{ approver_id: user.id, approver_role: null }] : [ADMINS]
  }
  const steps: StepApprover[] = []
  const seen = new Set<string>()
  let current = ownerId ? await activeUser(db, workspaceId, ownerId) : undefined
  if (current) seen.add(current.id)
  while (current?.manager_id && steps.length < rule.manager_levels && !seen.has(current.manager_id)) {
    seen.add(current.manager_id)
    current = await activeUser(db, workspaceId, current.manager_id)
    if (current && current.active !== false) steps.push({ approver_id: current.id, approver_role: null })
  }
  return steps.length > 0 ? steps : [ADMINS]
}

/** The users a step is addressed to: its approver, or every active member of its role. */
export async function stepRecipients(db: Db, workspaceId: string, step: StepApprover): Promise<string[]> {
  if (step.approver_id) return [step.approver_id]
  const rows = await sql<{ id: string }>`
    select id from users where workspace_id = ${workspaceId} and role = ${step.approver_role} and deleted_at is null and active is not false
    order by created_at limit 50`.execute(db)
  return rows.rows.map((row) => row.id)
}
