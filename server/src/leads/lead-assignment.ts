import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { ruleMatches, type AssignmentRule } from './assignment-match.ts'
import { activeUser, pickAssignee, type Assignee } from './assignment-pick.ts'
import { readAssignmentSettings } from './assignment-settings.ts'

export interface Assignment {
  assignee: Assignee
  /** The rule that gave the lead, or null when the fallback owner got it. */
  rule: { id: string; name: string } | null
}

/** The workspace's active rules in the order they are tried (position, then age). */
export async function activeRules(db: Db, workspaceId: string): Promise<AssignmentRule[]> {
  return db.selectFrom('lead_assignment_rules')
    .select(['id', 'name', 'provinces', 'cities', 'industries', 'sources', 'method', 'assignee_id', 'team_id'])
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .where(sql<boolean>`active is not false`)
    .orderBy(sql`position asc nulls last`)
    .orderBy('created_at')
    .orderBy('id')
    .execute() as Promise<AssignmentRule[]>
}

/**
 * Who gets a lead created without an owner: the first rule whose conditions hold and that has someone
 * to give it to, else the fallback owner; undefined leaves the lead unowned.
 */
export async function assignLead(trx: Db, workspaceId: string, lead: Record<string, unknown>, at: Date): Promise<Assignment | undefined> {
  for (const rule of await activeRules(trx, workspaceId)) {
    if (!ruleMatches(rule, lead)) continue
    const assignee = await pickAssignee(trx, workspaceId, rule, at)
    if (assignee) return { assignee, rule: { id: rule.id, name: rule.name } }
  }
  const { fallback_owner_id: fallback } = await readAssignmentSettings(trx, workspaceId)
  const assignee = await activeUser(trx, workspaceId, fallback)
  return assignee && { assignee, rule: null }
}
