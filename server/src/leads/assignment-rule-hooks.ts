import { AppError } from '../errors/app-error.ts'
import { registerHooks } from '../records/record-hooks.ts'
import { assertAdministrator } from './administrator-only.ts'

/** A rule names whom it assigns to: a person for `user`, a team for the team methods. */
registerHooks('lead_assignment_rules', {
  async beforeWrite(_trx, ctx, change) {
    assertAdministrator(ctx)
    if (change.op !== 'create' && change.op !== 'update') return
    if (change.op === 'create') change.values.active ??= true
    const rule = { ...change.before, ...change.values }
    const needed = rule.method === 'user' ? 'assignee_id' : 'team_id'
    if (rule[needed] === null || rule[needed] === undefined) {
      throw new AppError('VALIDATION_FAILED', [{ field: `${change.pathPrefix}${needed}`, code: 'required' }])
    }
  },
})
