import { AppError } from '../errors/app-error.ts'
import { registerHooks } from '../records/record-hooks.ts'
import { nowOf } from '../records/record-context.ts'
import { activeRules, conditionMatches, guardedValues } from './approval-rules.ts'
import { closeApprovals } from './approval-service.ts'
import { approvalQuery, listApprovals } from './approval-store.ts'
import { ensureQuoteDiscountRule } from './quote-discount-rule.ts'
import { isSystemContext } from './system-writes.ts'

/** Approval requests change only through the approval service: the generic API may read them, never write. */
registerHooks('approvals', {
  extraInputs: ['system'],
  async beforeWrite(_trx, ctx, change) {
    if (!isSystemContext(ctx)) throw new AppError('FORBIDDEN')
    const values = change.extra.system
    if (typeof values === 'object' && values !== null) Object.assign(change.values, values)
  },
})

/**
 * On every object with approval rules: editing what a rule's condition reads voids the record's open
 * or granted approvals under that rule (and takes a pending/approved status back), and a record may
 * take a guarded status only while an approval under each applicable rule stands — else 422.
 */
registerHooks('*', {
  async beforeWrite(trx, ctx, change) {
    if (change.op !== 'update' || Object.keys(change.values).length === 0) return
    if (change.object.name === 'quotes') await ensureQuoteDiscountRule(trx, ctx)
    const rules = (await activeRules(trx, ctx.actor.workspaceId, change.object.name)).filter((rule) => rule.condition_field && rule.condition_field in change.values)
    if (rules.length === 0) return
    const open = await listApprovals(approvalQuery(trx, ctx.actor.workspaceId).where('related_object', '=', change.object.name)
      .where('related_id', '=', change.id).where('status', 'in', ['pending', 'approved']).where('rule_id', 'in', rules.map((rule) => rule.id)))
    if (open.length === 0) return
    await closeApprovals(trx, ctx, open, 'approval_voided')
    for (const rule of rules) {
      const current = change.before?.[rule.status_field]
      const held = [rule.pending_value, rule.approved_value].filter(Boolean)
      if (rule.reset_value && !(rule.status_field in change.values) && held.includes(current as string)) change.values[rule.status_field] = rule.reset_value
    }
  },
  async afterWrite(trx, ctx, change, record) {
    if (change.op !== 'create' && change.op !== 'update') return
    if (change.op === 'create' && change.object.name === 'quotes') await ensureQuoteDiscountRule(trx, ctx)
    const rules = await activeRules(trx, ctx.actor.workspaceId, change.object.name)
    for (const rule of rules) {
      if (!(rule.status_field in change.values) || !guardedValues(rule).includes(record[rule.status_field] as string)) continue
      if (!(await conditionMatches(trx, ctx.actor.workspaceId, change.object, rule, change.id, nowOf(ctx)))) continue
      const granted = await approvalQuery(trx, ctx.actor.workspaceId).where('related_object', '=', change.object.name).where('related_id', '=', change.id)
        .where('rule_id', '=', rule.id).where('status', '=', 'approved').executeTakeFirst()
      if (!granted) throw new AppError('UNPROCESSABLE', [{ field: `${change.pathPrefix}${rule.status_field}`, code: 'needs_approval', params: { rule: rule.name } }])
    }
  },
})
