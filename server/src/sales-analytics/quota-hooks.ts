import { AppError, type FieldError } from '../errors/app-error.ts'
import { registerHooks } from '../records/record-hooks.ts'

const PERIODS_PER_YEAR: Record<string, number> = { month: 12, quarter: 4 }

/**
 * Quotas: for exactly one user or one team, a month (1–12) or a quarter (1–4) of a year, once per
 * target and period. Named after what they cover unless a name is given ("2026 Q2 · 李娜").
 */
registerHooks('quotas', {
  async beforeWrite(trx, ctx, change) {
    if (change.op !== 'create' && change.op !== 'update') return
    const merged = { ...change.before, ...change.values }
    const path = (name: string) => `${change.pathPrefix}${name}`
    const errors: FieldError[] = []
    const targets = [merged.user_id, merged.team_id].filter((value) => value !== null && value !== undefined)
    if (targets.length !== 1) errors.push({ field: path(merged.user_id ? 'team_id' : 'user_id'), code: 'quota_target' })
    const max = PERIODS_PER_YEAR[String(merged.period_type)] ?? 12
    if (Number(merged.period_number) > max) errors.push({ field: path('period_number'), code: 'invalid_period', params: { max } })
    if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
    const [targetField, targetId] = merged.user_id ? ['user_id', merged.user_id as string] : ['team_id', merged.team_id as string]
    // One quota per target and period: the target's row is locked so two writes cannot both pass.
    await trx.selectFrom(targetField === 'user_id' ? 'users' : 'teams').select('id')
      .where('workspace_id', '=', ctx.actor.workspaceId).where('id', '=', targetId).forUpdate().execute()
    const taken = await trx.selectFrom('quotas').select('id').where('workspace_id', '=', ctx.actor.workspaceId).where('deleted_at', 'is', null)
      .where(targetField, '=', targetId).where('period_type', '=', merged.period_type as string)
      .where('year', '=', merged.year as number).where('period_number', '=', merged.period_number as number)
      .where('id', '<>', change.id).executeTakeFirst()
    if (taken) throw new AppError('CONFLICT', [{ field: path('period_number'), code: 'taken' }])
    if (merged.name === null || merged.name === undefined || merged.name === '') {
      const target = await trx.selectFrom(targetField === 'user_id' ? 'users' : 'teams').select('name')
        .where('workspace_id', '=', ctx.actor.workspaceId).where('id', '=', targetId).executeTakeFirst()
      const period = merged.period_type === 'quarter' ? `Q${merged.period_number}` : String(merged.period_number).padStart(2, '0')
      change.values.name = `${merged.year}${merged.period_type === 'quarter' ? ' ' : '-'}${period} · ${target?.name ?? ''}`
    }
  },
})
