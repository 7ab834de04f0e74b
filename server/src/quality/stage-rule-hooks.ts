import type { FieldError } from '../errors/app-error.ts'
import { ruleViolation } from '../errors/app-error.ts'
import { registerHooks } from '../records/record-hooks.ts'
import { isFilled, qualitySettingsOf } from './quality-settings.ts'

/**
 * Validation rules by stage, for every object: a record that reaches a rule's stage (or clears a
 * field while there) must have each required field filled → 422 naming the fields. Updates that
 * touch neither the stage nor a required field pass, so old records are not blocked by a new rule.
 */
registerHooks('*', {
  async beforeWrite(trx, ctx, change) {
    if (change.op !== 'create' && change.op !== 'update') return
    if (change.op === 'update' && Object.keys(change.values).length === 0) return
    const { stageRules } = await qualitySettingsOf(trx, ctx.actor.workspaceId, change.object)
    if (stageRules.length === 0) return
    const merged: Record<string, unknown> = { ...(change.before ?? {}), ...change.values }
    const errors: FieldError[] = []
    for (const rule of stageRules) {
      if (merged[rule.field] !== rule.value) continue
      const touched = change.op === 'create' || rule.field in change.values || rule.required.some((name) => name in change.values)
      if (!touched) continue
      const stage = change.object.field(rule.field)?.options?.find((option) => option.value === rule.value)?.label[ctx.actor.locale] ?? rule.value
      for (const name of rule.required) {
        if (!isFilled(merged[name]) && !errors.some((error) => error.field === `${change.pathPrefix}${name}`)) {
          errors.push({ field: `${change.pathPrefix}${name}`, code: 'required_at_stage', params: { stage } })
        }
      }
    }
    if (errors.length > 0) throw ruleViolation(errors)
  },
})
