import { request } from '../api/client.ts'
import type { ApiRecord } from '../api/records.ts'

export interface PaymentTotals {
  currency: string
  planned: string
  received: string
  matched: string
  outstanding: string
  overdue: string
  unapplied: string
}

export interface PaymentSummary {
  plans: ApiRecord[]
  instalments: ApiRecord[]
  payments: ApiRecord[]
  totals: PaymentTotals[]
}

export const paymentSummaryKey = (contractId: string) => ['records', 'payments', 'summary', contractId] as const

export const paymentsApi = {
  summary: (contractId: string) => request<PaymentSummary>(`/api/v1/contracts/${encodeURIComponent(contractId)}/payment-summary`),
}

/** An exact amount with two decimals and its currency sign, in the reader's locale. */
export function formatAmount(amount: string | undefined, currency: string, locale: string): string {
  const currencyDisplay = currency === 'CNY' || currency === 'USD' ? 'narrowSymbol' : 'symbol'
  return new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(amount ?? 0))
}
