import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import type { AssignmentRule } from './assignment-match.ts'

/** Lead statuses that no longer need work: they do not count towards a rep's load. */
const CLOSED_STATUSES = ['converted', 'unqualified']

export interface Assignee {
  id: string
  name: string
}

/** Leads handed out earlier in the same transaction (a bulk create or an import batch), not yet inserted. */
const pendingByTransaction = new WeakMap<Db, Map<string, number>>()

export function notePending(trx: Db, userId: string) {
  const pending = pendingByTransaction.get(trx) ?? new Map<string, number>()
  pending.set(userId, (pending.get(userId) ?? 0) + 1)
  pendingByTransaction.set(trx, pending)
}

/** The lead was inserted: its owner's open leads now count it. */
export function settlePending(trx: Db, userId: string) {
  const pending = pendingByTransaction.get(trx)
  const count = pending?.get(userId) ?? 0
  if (count > 1) pending!.set(userId, count - 1)
  else pending?.delete(userId)
}

/** An active member of the workspace, or undefined when the user was deactivated or removed. */
export async function activeUser(trx: Db, workspaceId: string, userId: string | null): Promise<Assignee | undefined> {
  if (!userId) return undefined
  return trx.selectFrom('users').select(['id', 'name']).where('workspace_id', '=', workspaceId).where('id', '=', userId)
    .where('deleted_at', 'is', null).where(sql<boolean>`active is not false`).executeTakeFirst()
}

async function teamMembers(trx: Db, workspaceId: string, teamId: string): Promise<Assignee[]> {
  return trx.selectFrom('users').select(['id', 'name']).where('workspace_id', '=', workspaceId).where('team_id', '=', teamId)
    .where('deleted_at', 'is', null).where(sql<boolean>`active is not false`).orderBy('id').execute()
}

/**
 * Locks the rule's cursor row: concurrent assignments by the same rule wait for each other, so turns
 * are taken in order and load is counted after the previous lead committed.
 */
async function lockCursor(trx: Db, workspaceId: string, ruleId: string): Promise<string | null> {
  await sql`insert into lead_assignment_cursors (workspace_id, rule_id) values (${workspaceId}, ${ruleId}) on conflict do nothing`.execute(trx)
  const row = await sql<{ last_user_id: string | null }>`
    select last_user_id from lead_assignment_cursors where workspace_id = ${workspaceId} and rule_id = ${ruleId} for update`.execute(trx)
  return row.rows[0]?.last_user_id ?? null
}

async function moveCursor(trx: Db, workspaceId: string, ruleId: string, userId: string, at: Date) {
  await sql`update lead_assignment_cursors set last_user_id = ${userId}, updated_at = ${at}
    where workspace_id = ${workspaceId} and rule_id = ${ruleId}`.execute(trx)
}

/** The member after the one who had the last turn (by a stable order), wrapping round. */
async function nextInTurn(trx: Db, workspaceId: string, rule: AssignmentRule, at: Date): Promise<Assignee | undefined> {
  const members = await teamMembers(trx, workspaceId, rule.team_id!)
  if (members.length === 0) return undefined
  const last = await lockCursor(trx, workspaceId, rule.id)
  const next = members.find((member) => last !== null && member.id > last) ?? members[0]
  await moveCursor(trx, workspaceId, rule.id, next.id, at)
  return next
}

/** The member with the fewest open leads; on a tie, the one whose turn is next after the last pick. */
async function leastLoaded(trx: Db, workspaceId: string, rule: AssignmentRule, at: Date): Promise<Assignee | undefined> {
  const members = await teamMembers(trx, workspaceId, rule.team_id!)
  if (members.length === 0) return undefined
  const last = await lockCursor(trx, workspaceId, rule.id)
  const counts = await sql<{ owner_id: string; open: string }>`
    select owner_id, count(*) as open from leads
    where workspace_id = ${workspaceId} and owner_id = any(${members.map((member) => member.id)}::uuid[]) and deleted_at is null
      and coalesce(status, '') <> all(${CLOSED_STATUSES}::text[])
    group by owner_id`.execute(trx)
  const pending = pendingByTransaction.get(trx)
  const load = (id: string) => Number(counts.rows.find((row) => row.owner_id === id)?.open ?? 0) + (pending?.get(id) ?? 0)
  const fewest = Math.min(...members.map((member) => load(member.id)))
  const candidates = members.filter((member) => load(member.id) === fewest)
  const next = candidates.find((member) => last !== null && member.id > last) ?? candidates[0]
  await moveCursor(trx, workspaceId, rule.id, next.id, at)
  return next
}

/** Who the rule gives the lead to, or undefined when it has nobody to give it to (skip to the next rule). */
export async function pickAssignee(trx: Db, workspaceId: string, rule: AssignmentRule, at: Date): Promise<Assignee | undefined> {
  if (rule.method === 'user') return activeUser(trx, workspaceId, rule.assignee_id)
  if (!rule.team_id) return undefined
  return rule.method === 'round_robin' ? nextInTurn(trx, workspaceId, rule, at) : leastLoaded(trx, workspaceId, rule, at)
}
