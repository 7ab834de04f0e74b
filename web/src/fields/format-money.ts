import { currentLanguage } from '../i18n/i18n.ts'
import type { SumByCurrency } from '../api/aggregate.ts'

/** An exact decimal total in the reader's locale with its currency sign (¥, $). */
export function formatMoney(amount: string | null | undefined, currency = 'CNY'): string {
  // ¥ and $ plain; other dollars and yen keep their prefix (HK$, JP¥) so they are not mistaken.
  const currencyDisplay = currency === 'CNY' || currency === 'USD' ? 'narrowSymbol' : 'symbol'
  return new Intl.NumberFormat(currentLanguage(), { style: 'currency', currency, currencyDisplay, maximumFractionDigits: 0 }).format(Number(amount ?? 0))
}

/** Totals of several currencies side by side, the largest count first: "¥1,200 + $300". */
export function formatSums(sums: SumByCurrency | undefined): string {
  const entries = Object.entries(sums ?? {}).filter(([, amount]) => Number(amount) !== 0)
  if (entries.length === 0) return formatMoney('0')
  // The workspace's usual currency (CNY) leads; others follow in code order.
  entries.sort(([a], [b]) => (a === 'CNY' ? -1 : b === 'CNY' ? 1 : a.localeCompare(b)))
  return entries.map(([currency, amount]) => formatMoney(amount, currency)).join(' + ')
}
