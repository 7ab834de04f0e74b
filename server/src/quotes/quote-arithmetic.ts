import { Decimal } from 'decimal.js'

/**
 * Quote money, exact and the same on the server and in the browser (web/src/quotes/ imports this file).
 * The order is fixed and documented, because a customer re-checks it by hand:
 * 1. line total = quantity × unit price × (1 − line discount %), rounded to cents;
 * 2. subtotal = Σ line totals;
 * 3. discount = subtotal × overall discount %, rounded to cents;
 * 4. tax = (subtotal − discount) × tax %, rounded to cents;
 * 5. total = subtotal − discount + tax.
 * Rounding is half up (away from zero at exactly half a cent), as people round money.
 */
const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP })

export type DecimalInput = string | number

export interface LineInput {
  quantity: DecimalInput
  unit_price: DecimalInput
  discount_percent?: DecimalInput | null
}

export interface QuoteTotals {
  subtotal: string
  discount_total: string
  tax_total: string
  total: string
}

// Numbers reach here from the API as JS numbers with few decimals; their shortest text is exact.
const exact = (value: DecimalInput | null | undefined) => new Money(value === null || value === undefined || value === '' ? 0 : String(value))
const cents = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
const share = (percent: DecimalInput | null | undefined) => exact(percent).dividedBy(100)

export function lineTotal(line: LineInput): string {
  const gross = exact(line.quantity).times(exact(line.unit_price))
  return cents(gross.times(new Money(1).minus(share(line.discount_percent)))).toFixed(2)
}

export function quoteTotals(lineTotals: DecimalInput[], discountPercent?: DecimalInput | null, taxPercent?: DecimalInput | null): QuoteTotals {
  const subtotal = lineTotals.reduce<Decimal>((sum, value) => sum.plus(exact(value)), new Money(0))
  const discount = cents(subtotal.times(share(discountPercent)))
  const taxable = subtotal.minus(discount)
  const tax = cents(taxable.times(share(taxPercent)))
  return { subtotal: subtotal.toFixed(2), discount_total: discount.toFixed(2), tax_total: tax.toFixed(2), total: taxable.plus(tax).toFixed(2) }
}

/** The whole quote from its lines: each line's total, then the quote's totals. */
export function priceQuote(lines: LineInput[], discountPercent?: DecimalInput | null, taxPercent?: DecimalInput | null): { lines: string[]; totals: QuoteTotals } {
  const totals = lines.map(lineTotal)
  return { lines: totals, totals: quoteTotals(totals, discountPercent, taxPercent) }
}

/** Largest amount a money column keeps exactly (numeric(20, 2), checked like the currency field type). */
export const MAX_AMOUNT = new Money('1e15')

export const exceedsMaxAmount = (amount: string) => exact(amount).abs().greaterThanOrEqualTo(MAX_AMOUNT)

/** `a − b` of two exact amounts. */
export const subtractAmounts = (a: DecimalInput, b: DecimalInput) => exact(a).minus(exact(b)).toFixed(2)

/** Σ of exact amounts. */
export const sumAmounts = (values: DecimalInput[]) => values.reduce<Decimal>((sum, value) => sum.plus(exact(value)), new Money(0)).toFixed(2)

export const compareAmounts = (a: DecimalInput, b: DecimalInput) => exact(a).comparedTo(exact(b))
