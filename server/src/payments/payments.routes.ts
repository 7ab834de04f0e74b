import { Decimal } from 'decimal.js'
import type { FastifyInstance } from 'fastify'
import { can } from '../access/record-access.ts'
import { recordContextOf, type AppServices } from '../http/request-context.ts'
import type { RecordContext } from '../records/record-context.ts'
import { getRecord } from '../records/get-record.ts'
import { recordColumns, rowToRecord, type ApiRecord } from '../records/row-mapping.ts'
import { scopedSelect } from '../records/scoped-query.ts'

interface Money {
  amount: string
  currency: string
}

async function linked(ctx: RecordContext, objectName: string, contractId: string, sort: string): Promise<ApiRecord[]> {
  const object = ctx.catalog.get(objectName)
  if (!can(ctx.actor, object, 'read')) return []
  const rows = await scopedSelect(ctx, object).select(recordColumns(object)).where('contract_id', '=', contractId).orderBy(sort).orderBy('id').limit(500).execute()
  return rows.map((row) => rowToRecord(object, row))
}

/** Planned, received, matched, outstanding and overdue per currency: exact sums. */
function totalsOf(instalments: ApiRecord[], payments: ApiRecord[]) {
  const totals = new Map<string, Record<'planned' | 'received' | 'matched' | 'outstanding' | 'overdue' | 'unapplied', Decimal>>()
  const of = (currency: string) => {
    if (!totals.has(currency)) totals.set(currency, { planned: new Decimal(0), received: new Decimal(0), matched: new Decimal(0), outstanding: new Decimal(0), overdue: new Decimal(0), unapplied: new Decimal(0) })
    return totals.get(currency)!
  }
  for (const instalment of instalments) {
    const amount = instalment.amount as Money
    const paid = new Decimal((instalment.paid_amount as Money | null)?.amount ?? 0)
    const sums = of(amount.currency)
    sums.planned = sums.planned.plus(amount.amount)
    sums.matched = sums.matched.plus(paid)
    const open = Decimal.max(new Decimal(amount.amount).minus(paid), 0)
    sums.outstanding = sums.outstanding.plus(open)
    if (instalment.status === 'overdue') sums.overdue = sums.overdue.plus(open)
  }
  for (const payment of payments) {
    const amount = payment.amount as Money
    const sums = of(amount.currency)
    sums.received = sums.received.plus(amount.amount)
    sums.unapplied = sums.unapplied.plus((payment.unapplied_amount as Money | null)?.amount ?? 0)
  }
  return [...totals].map(([currency, sums]) => ({ currency, ...Object.fromEntries(Object.entries(sums).map(([key, value]) => [key, value.toFixed(2)])) }))
}

/** Payments (回款): a contract's plans, instalments, payments and their totals, for its record page. */
export function registerPaymentRoutes(app: FastifyInstance, services: AppServices) {
  app.get('/api/v1/contracts/:id/payment-summary', async (request) => {
    const ctx = await recordContextOf(services, request)
    const contract = await getRecord(ctx, ctx.catalog.get('contracts'), (request.params as { id: string }).id)
    const [plans, instalments, payments] = await Promise.all([
      linked(ctx, 'payment_plans', contract.id, 'created_at'),
      linked(ctx, 'payment_instalments', contract.id, 'due_date'),
      linked(ctx, 'payments', contract.id, 'received_at'),
    ])
    return { plans, instalments, payments, totals: totalsOf(instalments, payments) }
  })
}
