import { describe, expect, it } from 'vitest'
import { compareAmounts, exceedsMaxAmount, lineTotal, priceQuote, quoteTotals, subtractAmounts, sumAmounts } from './quote-arithmetic.ts'

describe('quote arithmetic', () => {
  it('rounds each line half up to cents after its discount', () => {
    expect(lineTotal({ quantity: 3, unit_price: '33.33' })).toBe('99.99')
    // 1 × 0.125 = 0.125 → 0.13 (half up), never 0.12 (banker's) nor a float artefact.
    expect(lineTotal({ quantity: 1, unit_price: '0.125' })).toBe('0.13')
    expect(lineTotal({ quantity: '2.5', unit_price: '19.99', discount_percent: 10 })).toBe('44.98') // 44.9775
    expect(lineTotal({ quantity: 1, unit_price: '0.10', discount_percent: 5 })).toBe('0.10') // 0.095 → 0.10
    expect(lineTotal({ quantity: 7, unit_price: '0.15', discount_percent: 50 })).toBe('0.53') // 0.525 → 0.53
    expect(lineTotal({ quantity: 1, unit_price: '100', discount_percent: 100 })).toBe('0.00')
    expect(lineTotal({ quantity: '0.0001', unit_price: '1' })).toBe('0.00')
  })

  it('takes the overall discount on the subtotal and the tax on the discounted amount', () => {
    expect(quoteTotals(['100.00', '0.05'], 10, 13)).toEqual({ subtotal: '100.05', discount_total: '10.01', tax_total: '11.71', total: '101.75' })
    // 90.04 × 13% = 11.7052 → 11.71; 10.005 → 10.01 half up.
    expect(quoteTotals([], 10, 13)).toEqual({ subtotal: '0.00', discount_total: '0.00', tax_total: '0.00', total: '0.00' })
    expect(quoteTotals(['0.1', '0.2'], null, null)).toEqual({ subtotal: '0.30', discount_total: '0.00', tax_total: '0.00', total: '0.30' })
  })

  it('stays exact with large amounts where floating point would not', () => {
    const { lines, totals } = priceQuote([{ quantity: 3, unit_price: '333333333333.33' }, { quantity: 1, unit_price: '0.01' }], '0.5', 6)
    expect(lines).toEqual(['999999999999.99', '0.01'])
    expect(totals).toEqual({ subtotal: '1000000000000.00', discount_total: '5000000000.00', tax_total: '59700000000.00', total: '1054700000000.00' })
    expect(exceedsMaxAmount('999999999999999.99')).toBe(false)
    expect(exceedsMaxAmount('1000000000000000.00')).toBe(true)
  })

  it('adds, subtracts and compares amounts exactly', () => {
    expect(sumAmounts(['0.1', '0.2', 0.3])).toBe('0.60')
    expect(subtractAmounts('100.00', '33.33')).toBe('66.67')
    expect(compareAmounts('10.00', '9.99')).toBe(1)
    expect(compareAmounts('10', '10.00')).toBe(0)
  })
})
