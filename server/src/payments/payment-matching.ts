import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { nowOf, type RecordContext } from '../records/record-context.ts'
import { systemContext, writeMaintainedFields } from '../approvals/system-writes.ts'
import { localParts, readFollowUpSettings } from '../suggestions/workspace-time.ts'
import { allocatePayments, instalmentStatus, type InstalmentStatus } from './payment-allocation.ts'

/** The workspace's local calendar day: instalments fall due by it. */
export async function workspaceToday(db: Db, workspaceId: string, now: Date): Promise<string> {
  return localParts(now, (await readFollowUpSettings(db, workspaceId)).time_zone).day
}

const dateText = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10))
const timeOf = (value: unknown) => (value instanceof Date ? value.getTime() : Date.parse(String(value)))

/** A payment or instalment being written right now: its new state, not yet (or no longer) stored. */
export interface PendingPayment {
  id: string
  live: boolean
  amount: string
  currency: string
  instalment_id: string | null
  received_at: string
  created_at: string
}

export interface PendingInstalment {
  id: string
  live: boolean
  amount: string
  currency: string
  due_date: string
  created_at: string
}

export interface RematchOutcome {
  unapplied?: string
  instalment?: { paid: string; status: InstalmentStatus }
}

/**
 * Re-matches every live payment of a contract to its live instalments (payment-allocation.ts) and
 * writes what follows: the allocation rows, each instalment's received amount and status, and each
 * payment's unapplied amount. Deterministic, so a payment added, changed, deleted or restored, or an
 * instalment added or changed, all come down to this. The record being written (`pending`) takes part
 * with its new state, and its own derived values are returned for its hook to write. The contract row
 * is locked, so concurrent payments on one contract match one after the other.
 */
export async function rematchContract(
  trx: Db, ctx: RecordContext, contractId: string, pending: { payment?: PendingPayment; instalment?: PendingInstalment } = {},
): Promise<RematchOutcome> {
  const workspaceId = ctx.actor.workspaceId
  await sql`select id from contracts where workspace_id = ${workspaceId} and id = ${contractId} for update`.execute(trx)
  const instalmentRows = await sql<{ id: string; amount: string; amount_currency: string | null; due_date: unknown; created_at: unknown }>`
    select id, amount::text as amount, amount_currency, due_date, created_at from payment_instalments
    where workspace_id = ${workspaceId} and contract_id = ${contractId} and deleted_at is null for update`.execute(trx)
  const paymentRows = await sql<{ id: string; amount: string; amount_currency: string | null; instalment_id: string | null; received_at: unknown; created_at: unknown }>`
    select id, amount::text as amount, amount_currency, instalment_id, received_at, created_at from payments
    where workspace_id = ${workspaceId} and contract_id = ${contractId} and deleted_at is null for update`.execute(trx)
  const instalments = instalmentRows.rows
    .filter((row) => row.id !== pending.instalment?.id)
    .map((row) => ({ id: row.id, amount: row.amount, currency: row.amount_currency ?? 'CNY', due_date: dateText(row.due_date), created: timeOf(row.created_at) }))
  if (pending.instalment?.live) instalments.push({ ...pending.instalment, created: timeOf(pending.instalment.created_at) })
  instalments.sort((a, b) => a.due_date.localeCompare(b.due_date) || a.created - b.created || a.id.localeCompare(b.id))
  const payments = paymentRows.rows
    .filter((row) => row.id !== pending.payment?.id)
    .map((row) => ({ id: row.id, amount: row.amount, currency: row.amount_currency ?? 'CNY', instalment_id: row.instalment_id, received: dateText(row.received_at), created: timeOf(row.created_at) }))
  if (pending.payment?.live) payments.push({ ...pending.payment, received: pending.payment.received_at, created: timeOf(pending.payment.created_at) })
  payments.sort((a, b) => a.received.localeCompare(b.received) || a.created - b.created || a.id.localeCompare(b.id))
  const result = allocatePayments(instalments, payments)

  await sql`delete from payment_allocations where workspace_id = ${workspaceId} and contract_id = ${contractId}`.execute(trx)
  if (result.allocations.length > 0) {
    await sql`
      insert into payment_allocations (workspace_id, payment_id, instalment_id, contract_id, amount)
      select ${workspaceId}, payment_id, instalment_id, ${contractId}, amount
      from unnest(${result.allocations.map((a) => a.payment_id)}::uuid[], ${result.allocations.map((a) => a.instalment_id)}::uuid[], ${result.allocations.map((a) => a.amount)}::numeric[])
        as a(payment_id, instalment_id, amount)`.execute(trx)
  }
  const system = systemContext(ctx)
  const today = await workspaceToday(trx, workspaceId, nowOf(ctx))
  const outcome: RematchOutcome = {}
  const instalmentObject = ctx.catalog.get('payment_instalments')
  for (const instalment of instalments) {
    const paid = result.paid.get(instalment.id)!
    const status = instalmentStatus(instalment.amount, paid, instalment.due_date, today)
    if (instalment.id === pending.instalment?.id) outcome.instalment = { paid, status }
    else await writeMaintainedFields(trx, system, instalmentObject, instalment.id, { paid_amount: { amount: paid, currency: instalment.currency }, status })
  }
  const paymentObject = ctx.catalog.get('payments')
  for (const payment of payments) {
    const unapplied = result.unapplied.get(payment.id)!
    if (payment.id === pending.payment?.id) outcome.unapplied = unapplied
    else await writeMaintainedFields(trx, system, paymentObject, payment.id, { unapplied_amount: { amount: unapplied, currency: payment.currency } }, { event: false })
  }
  return outcome
}
