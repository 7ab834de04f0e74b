/** The answer of GET /api/v1/{object}/aggregate, shared with the web client (types only). */

/** Money of several currencies is never added up blindly: each currency keeps its own total. */
export type SumByCurrency = Record<string, string>

export interface AggregateGroup {
  value: unknown
  count: number
  sum?: string | null
  sum_by_currency?: SumByCurrency
}

export interface AggregateResult {
  count: number
  sum?: string | null
  sum_by_currency?: SumByCurrency
  max?: unknown
  groups?: AggregateGroup[]
}
