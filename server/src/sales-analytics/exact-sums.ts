import { Decimal } from 'decimal.js'

/** Money per currency, added exactly. */
export type Amounts = Record<string, string>

export function addAmount(amounts: Amounts, currency: string | null, amount: unknown): void {
  if (amount === null || amount === undefined || currency === null) return
  amounts[currency] = new Decimal(amounts[currency] ?? 0).plus(String(amount)).toFixed(2)
}

/** An exact decimal as text with at least two decimals and no trailing zeros beyond them ("12.5" → "12.50", "1.2345"). */
export function exactText(value: Decimal.Value): string {
  const decimal = new Decimal(value)
  return decimal.decimalPlaces() <= 2 ? decimal.toFixed(2) : decimal.toFixed()
}

/** A ratio for display, rounded to four decimals; undefined without a denominator. */
export function ratio(numerator: Decimal.Value, denominator: Decimal.Value): number | null {
  const below = new Decimal(denominator)
  if (below.isZero()) return null
  return new Decimal(numerator).dividedBy(below).toDecimalPlaces(4).toNumber()
}
