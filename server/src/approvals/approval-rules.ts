import type { Db } from '../db/database.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import { OPERAND_SHAPE, type OperatorName } from '../records/filter-operators.ts'
import { parseFilters } from '../records/list-filters.ts'

export interface ApprovalRule {
  id: string
  name: string
  object: string
  condition_field: string | null
  condition_operator: string | null
  condition_value: string | null
  status_field: string
  guarded_value: string
  pending_value: string | null
  approved_value: string | null
  reset_value: string | null
  approver_kind: 'manager_chain' | 'role' | 'user'
  approver_role: string | null
  approver_user_id: string | null
  manager_levels: number
  system_key: string | null
}

/** Objects whose own writes are the approval mechanism: never guarded by a rule. */
export const APPROVAL_OBJECTS = new Set(['approvals', 'approval_rules'])

// Read on every record write: kept per workspace briefly, and dropped when a rule is written here.
const CACHE_MS = 5_000
const cache = new Map<string, { at: number; rules: Promise<ApprovalRule[]> }>()

async function loadRules(db: Db, workspaceId: string): Promise<ApprovalRule[]> {
  const rows = await db.selectFrom('approval_rules').selectAll()
    .where('workspace_id', '=', workspaceId).where('deleted_at', 'is', null).where('active', '=', true)
    .orderBy('created_at').orderBy('id').execute()
  return rows.map((row) => ({ ...row, manager_levels: Number(row.manager_levels ?? 1) || 1 }) as ApprovalRule)
}

/** The workspace's active rules for one object. */
export async function activeRules(db: Db, workspaceId: string, objectName: string): Promise<ApprovalRule[]> {
  if (APPROVAL_OBJECTS.has(objectName)) return []
  let entry = cache.get(workspaceId)
  if (!entry || Date.now() - entry.at > CACHE_MS) {
    entry = { at: Date.now(), rules: loadRules(db, workspaceId) }
    cache.set(workspaceId, entry)
    entry.rules.catch(() => cache.delete(workspaceId))
  }
  return (await entry.rules).filter((rule) => rule.object === objectName)
}

export function forgetRules(workspaceId: string): void {
  cache.delete(workspaceId)
}

/** The rule's condition as the list filter reads it: `{ field: { operator: value } }`. */
export function conditionFilter(rule: Pick<ApprovalRule, 'condition_field' | 'condition_operator' | 'condition_value'>): Record<string, Record<string, string>> | undefined {
  if (!rule.condition_field || !rule.condition_operator) return undefined
  const none = OPERAND_SHAPE[rule.condition_operator as OperatorName] === 'none'
  return { [rule.condition_field]: { [rule.condition_operator]: none ? 'true' : (rule.condition_value ?? '') } }
}

/** Whether the stored record meets the rule's condition, checked in SQL with the list filter's operators. */
export async function conditionMatches(db: Db, workspaceId: string, object: ObjectSchema, rule: ApprovalRule, recordId: string, now: Date): Promise<boolean> {
  let query = db.selectFrom(object.table).select('id').where('workspace_id', '=', workspaceId).where('id', '=', recordId).where('deleted_at', 'is', null)
  if (object.custom) query = query.where('object', '=', object.name)
  for (const condition of parseFilters(object, conditionFilter(rule), now)) query = query.where(condition)
  return Boolean(await query.executeTakeFirst())
}

/** The status values a rule keeps for approved records: the guarded one and the "approved" one. */
export const guardedValues = (rule: ApprovalRule) => [rule.guarded_value, rule.approved_value].filter((value): value is string => Boolean(value))
