import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { AppError } from '../errors/app-error.ts'
import { registerHooks, type WriteChange } from '../records/record-hooks.ts'
import { nowOf, type RecordContext } from '../records/record-context.ts'
import { instalmentStatus } from './payment-allocation.ts'
import { rematchContract, workspaceToday, type PendingInstalment, type PendingPayment } from './payment-matching.ts'

interface Money {
  amount: string
  currency: string
}

const merged = (change: WriteChange) => ({ ...(change.before ?? {}), ...change.values }) as Record<string, unknown>
const createdAt = (change: WriteChange, ctx: RecordContext) => String(change.before?.created_at ?? nowOf(ctx).toISOString())

async function contractAccount(trx: Db, workspaceId: string, contractId: string): Promise<string | null> {
  const row = await trx.selectFrom('contracts').select('account_id').where('workspace_id', '=', workspaceId).where('id', '=', contractId).executeTakeFirst()
  return (row?.account_id as string | undefined) ?? null
}

/** A contract's instalments are in one currency; a payment or instalment in another is refused. */
async function checkCurrency(trx: Db, workspaceId: string, contractId: string, currency: string, path: string, exceptId: string) {
  const other = await sql<{ currency: string }>`
    select amount_currency as currency from payment_instalments
    where workspace_id = ${workspaceId} and contract_id = ${contractId} and deleted_at is null and id <> ${exceptId} and amount_currency <> ${currency}
    limit 1`.execute(trx)
  if (other.rows[0]) throw new AppError('VALIDATION_FAILED', [{ field: path, code: 'currency_mismatch', params: { currency: other.rows[0].currency } }])
}

/**
 * Payments: the instalment named decides the contract (and the contract the account); then the
 * contract's payments are matched again (payment-matching.ts), this payment with its new state.
 */
registerHooks('payments', {
  async beforeWrite(trx, ctx, change) {
    const workspaceId = ctx.actor.workspaceId
    const path = (name: string) => `${change.pathPrefix}${name}`
    if (change.op === 'create' || change.op === 'update') {
      const instalmentId = change.values.instalment_id as string | null | undefined
      if (instalmentId) {
        const instalment = await trx.selectFrom('payment_instalments').select('contract_id').where('workspace_id', '=', workspaceId).where('id', '=', instalmentId).executeTakeFirst()
        const current = merged(change).contract_id as string | null
        if (!current && instalment?.contract_id) change.values.contract_id = instalment.contract_id
        else if (current && instalment?.contract_id !== current) throw new AppError('VALIDATION_FAILED', [{ field: path('instalment_id'), code: 'instalment_contract_mismatch' }])
      }
      const contractId = merged(change).contract_id as string | null
      if (contractId && !merged(change).account_id) change.values.account_id = await contractAccount(trx, workspaceId, contractId)
      if (contractId && (change.values.amount || change.values.contract_id)) {
        await checkCurrency(trx, workspaceId, contractId, (merged(change).amount as Money).currency, path('amount'), '00000000-0000-0000-0000-000000000000')
      }
    }
    const matching = ['amount', 'instalment_id', 'contract_id', 'received_at']
    if (change.op === 'update' && !matching.some((name) => name in change.values)) return
    const after = merged(change)
    const live = change.op !== 'delete'
    const payment: PendingPayment = {
      id: change.id, live, amount: (after.amount as Money).amount, currency: (after.amount as Money).currency,
      instalment_id: (after.instalment_id as string | null) ?? null, received_at: String(after.received_at), created_at: createdAt(change, ctx),
    }
    const contracts = new Set([change.before?.contract_id, after.contract_id].filter((id): id is string => typeof id === 'string'))
    let unapplied = payment.amount
    for (const contractId of contracts) {
      const outcome = await rematchContract(trx, ctx, contractId, { payment: { ...payment, live: live && contractId === after.contract_id } })
      if (contractId === after.contract_id && outcome.unapplied !== undefined) unapplied = outcome.unapplied
    }
    if (live) {
      const value = { amount: unapplied, currency: payment.currency }
      const before = change.before?.unapplied_amount as Money | null | undefined
      if (!before || before.amount !== value.amount || before.currency !== value.currency) change.values.unapplied_amount = value
    }
  },
})

/**
 * Instalments: the contract follows the plan; received amount and status are derived (matched again
 * whenever the amount or due date changes); one with payments matched to it cannot be deleted.
 */
registerHooks('payment_instalments', {
  async beforeWrite(trx, ctx, change) {
    const workspaceId = ctx.actor.workspaceId
    const path = (name: string) => `${change.pathPrefix}${name}`
    if (change.op === 'delete') {
      const paid = change.before?.paid_amount as Money | null
      if (paid && Number(paid.amount) > 0) throw new AppError('CONFLICT', [{ field: 'paid_amount', code: 'has_payments' }])
      return
    }
    if (change.op === 'create' || change.values.plan_id) {
      const plan = await trx.selectFrom('payment_plans').select(['contract_id']).where('workspace_id', '=', workspaceId).where('id', '=', merged(change).plan_id as string).executeTakeFirst()
      if (plan?.contract_id && !merged(change).contract_id) change.values.contract_id = plan.contract_id
    }
    const after = merged(change)
    const amount = after.amount as Money
    const contractId = after.contract_id as string | null
    if (contractId && (change.values.amount || change.values.contract_id)) await checkCurrency(trx, workspaceId, contractId, amount.currency, path('amount'), change.id)
    const touched = change.op === 'create' || change.op === 'restore' || ['amount', 'due_date', 'contract_id'].some((name) => name in change.values)
    if (!touched) return
    const instalment: PendingInstalment = { id: change.id, live: true, amount: amount.amount, currency: amount.currency, due_date: String(after.due_date), created_at: createdAt(change, ctx) }
    let state = { paid: '0.00', status: instalmentStatus(amount.amount, '0', instalment.due_date, await workspaceToday(trx, workspaceId, nowOf(ctx))) }
    const contracts = new Set([change.before?.contract_id, contractId].filter((id): id is string => typeof id === 'string'))
    for (const id of contracts) {
      const outcome = await rematchContract(trx, ctx, id, { instalment: { ...instalment, live: id === contractId } })
      if (id === contractId && outcome.instalment) state = outcome.instalment
    }
    change.values.paid_amount = { amount: state.paid, currency: amount.currency }
    change.values.status = state.status
  },
})

/** A plan made for a contract belongs to the contract's account. */
registerHooks('payment_plans', {
  async beforeWrite(trx, ctx, change) {
    if (change.op !== 'create' && change.op !== 'update') return
    const contractId = merged(change).contract_id as string | null
    if (contractId && !merged(change).account_id) change.values.account_id = await contractAccount(trx, ctx.actor.workspaceId, contractId)
  },
})
