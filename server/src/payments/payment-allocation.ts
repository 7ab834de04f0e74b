import { Decimal } from 'decimal.js'

export interface InstalmentDue {
  id: string
  amount: string
  currency: string
  due_date: string
}

export interface PaymentIn {
  id: string
  amount: string
  currency: string
  /** The instalment the payment was recorded against, served first. */
  instalment_id: string | null
}

export interface Allocation {
  payment_id: string
  instalment_id: string
  amount: string
}

export interface AllocationResult {
  allocations: Allocation[]
  /** Instalment id → amount received, 2 decimals. */
  paid: Map<string, string>
  /** Payment id → amount not matched to any instalment (overpayment), 2 decimals. */
  unapplied: Map<string, string>
}

/**
 * Matches payments (in the order given: oldest first) to instalments (in the order given: earliest
 * due first), exactly: a payment fills its own instalment first (if it names one), then spills over
 * to the oldest open instalments of the same currency; what is left stays unapplied.
 */
export function allocatePayments(instalments: InstalmentDue[], payments: PaymentIn[]): AllocationResult {
  const open = new Map(instalments.map((instalment) => [instalment.id, new Decimal(instalment.amount)]))
  const paid = new Map(instalments.map((instalment) => [instalment.id, new Decimal(0)]))
  const allocations: Allocation[] = []
  const unapplied = new Map<string, string>()
  for (const payment of payments) {
    let left = new Decimal(payment.amount)
    const named = instalments.find((instalment) => instalment.id === payment.instalment_id)
    const order = named ? [named, ...instalments.filter((instalment) => instalment !== named)] : instalments
    for (const instalment of order) {
      if (left.lte(0)) break
      if (instalment.currency !== payment.currency) continue
      const remaining = open.get(instalment.id)!
      const take = Decimal.min(left, remaining)
      if (take.lte(0)) continue
      allocations.push({ payment_id: payment.id, instalment_id: instalment.id, amount: take.toFixed(2) })
      open.set(instalment.id, remaining.minus(take))
      paid.set(instalment.id, paid.get(instalment.id)!.plus(take))
      left = left.minus(take)
    }
    unapplied.set(payment.id, left.toFixed(2))
  }
  return { allocations, paid: new Map([...paid].map(([id, amount]) => [id, amount.toFixed(2)])), unapplied }
}

export type InstalmentStatus = 'planned' | 'partially_paid' | 'paid' | 'overdue'

/** Paid in full; else overdue once the due day has passed; else partially paid or planned. */
export function instalmentStatus(amount: string, paid: string, dueDate: string, today: string): InstalmentStatus {
  if (new Decimal(paid).gte(amount)) return 'paid'
  if (dueDate < today) return 'overdue'
  return new Decimal(paid).gt(0) ? 'partially_paid' : 'planned'
}
