import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { AppError, type FieldError } from '../errors/app-error.ts'

/** A workspace's customer-pool and silent-customer rules, kept in `workspaces.settings.customer_rules`. */
export interface CustomerRules {
  /** Accounts a rep may hold at once through claims from the pool. */
  claim_limit: number
  /** Days without follow-up after which an owned account returns to the pool; null turns the rule off. */
  return_days: number | null
  /** The owner is told this many days before the return. */
  notice_days: number
  /** Days without interaction after which the owner is reminded of a silent customer; null turns it off. */
  silent_days: number | null
}

export const DEFAULT_CUSTOMER_RULES: CustomerRules = { claim_limit: 20, return_days: null, notice_days: 3, silent_days: 90 }

const RANGES: Record<keyof CustomerRules, { min: number; max: number; nullable: boolean }> = {
  claim_limit: { min: 0, max: 100_000, nullable: false },
  return_days: { min: 1, max: 3650, nullable: true },
  notice_days: { min: 0, max: 365, nullable: false },
  silent_days: { min: 1, max: 3650, nullable: true },
}

function fromStored(stored: unknown): CustomerRules {
  const rules = { ...DEFAULT_CUSTOMER_RULES }
  if (typeof stored !== 'object' || stored === null) return rules
  for (const key of Object.keys(RANGES) as (keyof CustomerRules)[]) {
    const value = (stored as Record<string, unknown>)[key]
    if (value === null || typeof value === 'number') (rules as Record<string, number | null>)[key] = value
  }
  return rules
}

export async function readCustomerRules(db: Db, workspaceId: string): Promise<CustomerRules> {
  const row = await sql<{ rules: unknown }>`select settings -> 'customer_rules' as rules from workspaces where id = ${workspaceId}`.execute(db)
  return fromStored(row.rows[0]?.rules)
}

/** Every workspace's rules in one read, for the daily jobs. */
export async function readAllCustomerRules(db: Db): Promise<{ workspaceId: string; rules: CustomerRules }[]> {
  const rows = await sql<{ id: string; rules: unknown }>`select id, settings -> 'customer_rules' as rules from workspaces order by id`.execute(db)
  return rows.rows.map((row) => ({ workspaceId: row.id, rules: fromStored(row.rules) }))
}

/** Checks a partial change against the current rules; every bad key is named. */
export function checkRulesChange(current: CustomerRules, input: unknown): CustomerRules {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'expected_object' }])
  const next = { ...current }
  const errors: FieldError[] = []
  for (const [key, value] of Object.entries(input)) {
    const range = Object.hasOwn(RANGES, key) ? RANGES[key as keyof CustomerRules] : undefined
    if (!range) errors.push({ field: key, code: 'unknown_field' })
    else if (value === null && range.nullable) (next as Record<string, number | null>)[key] = null
    else if (typeof value !== 'number' || !Number.isInteger(value)) errors.push({ field: key, code: 'expected_integer' })
    else if (value < range.min || value > range.max) errors.push({ field: key, code: 'out_of_range', params: { min: range.min, max: range.max } })
    else (next as Record<string, number | null>)[key] = value
  }
  if (errors.length === 0 && next.return_days !== null && next.notice_days >= next.return_days) {
    errors.push({ field: 'notice_days', code: 'too_large', params: { max: next.return_days - 1 } })
  }
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
  return next
}

export async function writeCustomerRules(db: Db, workspaceId: string, rules: CustomerRules): Promise<void> {
  await sql`
    update workspaces set settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{customer_rules}', ${JSON.stringify(rules)}::jsonb)
    where id = ${workspaceId}`.execute(db)
}
