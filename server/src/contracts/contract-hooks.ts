import { AppError } from '../errors/app-error.ts'
import { nowOf } from '../records/record-context.ts'
import { registerHooks, type WriteChange } from '../records/record-hooks.ts'

type ContractStatus = 'draft' | 'active' | 'expired' | 'terminated'

// An expired contract may be renewed (active again); a terminated one is final.
const NEXT: Record<ContractStatus, readonly ContractStatus[]> = {
  draft: ['active', 'terminated'],
  active: ['expired', 'terminated'],
  expired: ['active', 'terminated'],
  terminated: [],
}

const refuse = (change: WriteChange, field: string, code: string, params?: Record<string, string>) =>
  new AppError('VALIDATION_FAILED', [{ field: `${change.pathPrefix}${field}`, code, ...(params && { params }) }])

const pick = (change: WriteChange, name: string) => (name in change.values ? change.values[name] : change.before?.[name])

/** Status moves, the signing date when a contract takes effect, and a period that ends after it starts. */
registerHooks('contracts', {
  async beforeWrite(_trx, ctx, change) {
    if (change.op !== 'create' && change.op !== 'update') return
    const { values } = change
    const from = (change.before?.status ?? 'draft') as ContractStatus
    if (change.op === 'create') values.status ??= 'draft'
    if (values.status === null) throw refuse(change, 'status', 'required')
    const to = (values.status ?? from) as ContractStatus
    if (change.op === 'update' && to !== from && !NEXT[from].includes(to)) throw refuse(change, 'status', 'invalid_status_change', { from, to })
    if (to === 'active' && !pick(change, 'signed_at')) values.signed_at = nowOf(ctx).toISOString().slice(0, 10)
    const start = pick(change, 'start_date') as string | null
    const end = pick(change, 'end_date') as string | null
    if (start && end && end < start) throw refuse(change, 'end_date', 'ends_before_start')
  },
})

/** An order starts pending, today; its amount is in its contract's currency. */
registerHooks('orders', {
  async beforeWrite(trx, ctx, change) {
    if (change.op !== 'create' && change.op !== 'update') return
    const { values } = change
    if (change.op === 'create') {
      values.status ??= 'pending'
      values.order_date ??= nowOf(ctx).toISOString().slice(0, 10)
    }
    if (values.status === null) throw refuse(change, 'status', 'required')
    const contractId = pick(change, 'contract_id')
    const amount = pick(change, 'amount') as { currency: string } | null
    if (typeof contractId !== 'string' || !amount || !('amount' in values || 'contract_id' in values)) return
    const contract = await trx.selectFrom('contracts').select(['value_currency', 'account_id'])
      .where('workspace_id', '=', ctx.actor.workspaceId).where('id', '=', contractId).executeTakeFirst()
    if (contract?.value_currency && contract.value_currency !== amount.currency) {
      throw refuse(change, 'amount', 'price_currency_mismatch', { expected: String(contract.value_currency) })
    }
  },
})
