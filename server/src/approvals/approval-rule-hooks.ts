import { AppError, type FieldError } from '../errors/app-error.ts'
import { registerHooks } from '../records/record-hooks.ts'
import { nowOf } from '../records/record-context.ts'
import { parseFilters } from '../records/list-filters.ts'
import { APPROVAL_OBJECTS, conditionFilter, forgetRules, type ApprovalRule } from './approval-rules.ts'
import { isSystemContext } from './system-writes.ts'

const STATUS_TYPES = new Set(['single_select', 'text'])
const VALUE_FIELDS = ['guarded_value', 'pending_value', 'approved_value', 'reset_value'] as const

/**
 * Approval rules: written by administrators only, and checked against the object they name — the
 * condition parses as a list filter of that object, the status values are options of its status field,
 * and the approvers are complete for their kind.
 */
registerHooks('approval_rules', {
  // Built-in rules are marked by the system (quote-discount-rule.ts); clients cannot set the mark.
  extraInputs: ['system_key'],
  async beforeWrite(trx, ctx, change) {
    if (ctx.actor.role !== 'admin' && !isSystemContext(ctx)) throw new AppError('FORBIDDEN')
    if (change.op !== 'create' && change.op !== 'update') return
    if (change.extra.system_key !== undefined) {
      if (!isSystemContext(ctx)) throw new AppError('VALIDATION_FAILED', [{ field: `${change.pathPrefix}system_key`, code: 'read_only' }])
      change.values.system_key = change.extra.system_key
    }
    const rule = { ...(change.before ?? {}), ...change.values } as unknown as ApprovalRule
    const path = (name: string) => `${change.pathPrefix}${name}`
    const errors: FieldError[] = []
    const object = ctx.catalog.find(rule.object)
    if (!object || APPROVAL_OBJECTS.has(rule.object)) {
      throw new AppError('VALIDATION_FAILED', [{ field: path('object'), code: 'not_found' }])
    }
    if (rule.condition_field && !object.field(rule.condition_field)) errors.push({ field: path('condition_field'), code: 'unknown_field' })
    else if (rule.condition_field && !rule.condition_operator) errors.push({ field: path('condition_operator'), code: 'required' })
    else if (rule.condition_field) {
      try {
        parseFilters(object, conditionFilter(rule), nowOf(ctx))
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        for (const issue of error.fields) {
          errors.push({ ...issue, field: path(issue.code === 'invalid_operator' ? 'condition_operator' : 'condition_value') })
        }
      }
    }
    const status = object.field(rule.status_field)
    if (!status || !STATUS_TYPES.has(status.type) || status.readOnly) errors.push({ field: path('status_field'), code: 'unknown_field' })
    else if (status.options) {
      const allowed = status.options.map((option) => option.value)
      for (const name of VALUE_FIELDS) {
        const value = rule[name]
        if (value && !allowed.includes(value)) errors.push({ field: path(name), code: 'invalid_option', params: { allowed: allowed.join(', ') } })
      }
    }
    if (rule.approver_kind === 'role') {
      const role = rule.approver_role
        ? await trx.selectFrom('roles').select('key').where('workspace_id', '=', ctx.actor.workspaceId).where('key', '=', rule.approver_role).executeTakeFirst()
        : undefined
      if (!role) errors.push({ field: path('approver_role'), code: rule.approver_role ? 'not_found' : 'required' })
    }
    if (rule.approver_kind === 'user' && !rule.approver_user_id) errors.push({ field: path('approver_user_id'), code: 'required' })
    if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
    if (change.op === 'create' && change.values.active === undefined) change.values.active = true
    if (change.op === 'create' && rule.approver_kind === 'manager_chain' && change.values.manager_levels == null) change.values.manager_levels = 1
  },
  async afterWrite(_trx, ctx) {
    forgetRules(ctx.actor.workspaceId)
  },
})
