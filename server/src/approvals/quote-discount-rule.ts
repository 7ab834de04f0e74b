import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { AppError } from '../errors/app-error.ts'
import { translate } from '../i18n/translate.ts'
import type { RecordContext } from '../records/record-context.ts'
import { createRecords, updateRecords } from '../records/write-pipeline.ts'
import { systemContext } from './system-writes.ts'

export const QUOTE_DISCOUNT_RULE = 'quote_discount'
export const DEFAULT_QUOTE_DISCOUNT_THRESHOLD = 15

const ruleName = (ctx: RecordContext, threshold: string) => translate(ctx.actor.locale, 'approval.quote_discount_rule', { threshold })

/**
 * Seeds the workspace's "quote discount threshold" as an approval rule on quotes, once: discount_percent
 * above the threshold may not be sent before the owner's manager (else an administrator) approves.
 * The claim on the workspace row makes concurrent first writes seed it once.
 */
export async function ensureQuoteDiscountRule(trx: Db, ctx: RecordContext): Promise<void> {
  const quotes = ctx.catalog.find('quotes')
  const options = quotes?.field('status')?.options?.map((option) => option.value) ?? []
  if (!quotes?.field('discount_percent') || !options.includes('sent')) return
  const claimed = await sql<{ id: string }>`
    update workspaces set settings = jsonb_set(settings, '{approvals}', coalesce(settings -> 'approvals', '{}'::jsonb) || '{"quote_rule_seeded": true}'::jsonb)
    where id = ${ctx.actor.workspaceId} and coalesce((settings -> 'approvals' ->> 'quote_rule_seeded')::boolean, false) = false
    returning id`.execute(trx)
  if (claimed.rows.length === 0) return
  const threshold = String(DEFAULT_QUOTE_DISCOUNT_THRESHOLD)
  const optional = (value: string) => (options.includes(value) ? value : null)
  await createRecords(systemContext(ctx), ctx.catalog.get('approval_rules'), [{
    name: ruleName(ctx, threshold), object: 'quotes', condition_field: 'discount_percent', condition_operator: 'gt', condition_value: threshold,
    status_field: 'status', guarded_value: 'sent', pending_value: optional('pending_approval'), approved_value: optional('approved'),
    reset_value: optional('draft'), approver_kind: 'manager_chain', manager_levels: 1, active: true, system_key: QUOTE_DISCOUNT_RULE,
  }], { trx })
}

async function seededRule(db: Db, workspaceId: string) {
  return db.selectFrom('approval_rules').select(['id', 'condition_value', 'active'])
    .where('workspace_id', '=', workspaceId).where('system_key', '=', QUOTE_DISCOUNT_RULE).where('deleted_at', 'is', null).executeTakeFirst()
}

/** `{ quote_discount_threshold }`: the seeded rule's threshold, null when it is off (or quotes do not exist). */
export async function readApprovalSettings(ctx: RecordContext) {
  return ctx.db.transaction().execute(async (trx) => {
    await ensureQuoteDiscountRule(trx, ctx)
    const rule = await seededRule(trx, ctx.actor.workspaceId)
    return { quote_discount_threshold: rule && rule.active ? Number(rule.condition_value) : null, rule_id: rule?.id ?? null }
  })
}

/** An administrator sets the threshold (0–100) or turns the rule off with null. */
export async function writeApprovalSettings(ctx: RecordContext, body: unknown) {
  if (ctx.actor.role !== 'admin') throw new AppError('FORBIDDEN')
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'expected_object' }])
  const unknown = Object.keys(body).find((key) => key !== 'quote_discount_threshold')
  if (unknown) throw new AppError('VALIDATION_FAILED', [{ field: unknown, code: 'unknown_field' }])
  const value = (body as { quote_discount_threshold?: unknown }).quote_discount_threshold
  if (value === undefined) throw new AppError('VALIDATION_FAILED', [{ field: 'quote_discount_threshold', code: 'required' }])
  if (value !== null && (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100 || Math.round(value * 100) !== value * 100)) {
    throw new AppError('VALIDATION_FAILED', [{ field: 'quote_discount_threshold', code: 'out_of_range', params: { min: 0, max: 100 } }])
  }
  await ctx.db.transaction().execute(async (trx) => {
    await ensureQuoteDiscountRule(trx, ctx)
    const rule = await seededRule(trx, ctx.actor.workspaceId)
    if (!rule) throw new AppError('UNPROCESSABLE', [{ field: 'quote_discount_threshold', code: 'no_quotes' }])
    const input = value === null ? { active: false } : { active: true, condition_value: String(value), name: ruleName(ctx, String(value)) }
    await updateRecords(systemContext(ctx), ctx.catalog.get('approval_rules'), [{ id: rule.id, input }], { trx })
  })
  return readApprovalSettings(ctx)
}
