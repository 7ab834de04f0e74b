import { describe, expect, it } from 'vitest'
import { allocatePayments, instalmentStatus } from './payment-allocation.ts'

const instalments = [
  { id: 'i1', amount: '30000.00', currency: 'CNY', due_date: '2026-03-31' },
  { id: 'i2', amount: '50000.00', currency: 'CNY', due_date: '2026-06-30' },
  { id: 'i3', amount: '20000.00', currency: 'CNY', due_date: '2026-09-30' },
]

describe('payment allocation', () => {
  it('fills the oldest instalment, spills over, and keeps what is left unapplied, exactly', () => {
    const result = allocatePayments(instalments, [
      { id: 'p1', amount: '10000.10', currency: 'CNY', instalment_id: null },
      { id: 'p2', amount: '19999.90', currency: 'CNY', instalment_id: null },
      { id: 'p3', amount: '70000.01', currency: 'CNY', instalment_id: null },
    ])
    expect(Object.fromEntries(result.paid)).toEqual({ i1: '30000.00', i2: '50000.00', i3: '20000.00' })
    expect(Object.fromEntries(result.unapplied)).toEqual({ p1: '0.00', p2: '0.00', p3: '0.01' })
    expect(result.allocations).toEqual([
      { payment_id: 'p1', instalment_id: 'i1', amount: '10000.10' },
      { payment_id: 'p2', instalment_id: 'i1', amount: '19999.90' },
      { payment_id: 'p3', instalment_id: 'i2', amount: '50000.00' },
      { payment_id: 'p3', instalment_id: 'i3', amount: '20000.00' },
    ])
  })

  it('serves the named instalment first and skips other currencies', () => {
    const result = allocatePayments([...instalments, { id: 'usd', amount: '100.00', currency: 'USD', due_date: '2026-01-01' }], [
      { id: 'p1', amount: '60000.00', currency: 'CNY', instalment_id: 'i2' },
    ])
    expect(Object.fromEntries(result.paid)).toEqual({ i1: '10000.00', i2: '50000.00', i3: '0.00', usd: '0.00' })
  })

  it('names the status from amount, received and due day', () => {
    expect(instalmentStatus('100.00', '100.00', '2026-01-01', '2026-02-01')).toBe('paid')
    expect(instalmentStatus('100.00', '99.99', '2026-01-01', '2026-02-01')).toBe('overdue')
    expect(instalmentStatus('100.00', '0.01', '2026-03-01', '2026-02-01')).toBe('partially_paid')
    expect(instalmentStatus('100.00', '0.00', '2026-02-01', '2026-02-01')).toBe('planned')
  })
})
