import { useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiError } from '../api/client.ts'
import { recordsApi, type ApiRecord } from '../api/records.ts'
import { recordKey, timelineKey } from '../record-page/use-record.ts'
import { priceQuote, type QuoteTotals } from '../../../server/src/quotes/quote-arithmetic.ts'

export type Money = { amount: string; currency: string }

/** The editable part of a line, as text so decimals stay exact while typed. */
export interface LineDraft {
  description?: string
  quantity?: string
  unit_price?: string
  discount_percent?: string | null
}

export const linesKey = (quoteId: string) => ['quote-lines', quoteId] as const

export function useQuoteLines(quoteId: string) {
  return useQuery({
    queryKey: linesKey(quoteId),
    queryFn: () => recordsApi.list('quote_lines', { filter: { quote_id: { eq: quoteId } }, sort: 'position', limit: 200 }).then((page) => page.data),
  })
}

/** What a line shows now: the saved values with the user's unsaved edits on top. */
export function currentLine(line: ApiRecord, draft: LineDraft = {}) {
  const price = line.unit_price as Money | null
  return {
    description: draft.description ?? String(line.description ?? ''),
    quantity: draft.quantity ?? String(line.quantity ?? '1'),
    unit_price: draft.unit_price ?? price?.amount ?? '0',
    discount_percent: draft.discount_percent !== undefined ? draft.discount_percent : line.discount_percent == null ? null : String(line.discount_percent),
  }
}

/** Live totals with the server's own arithmetic (server/src/quotes/quote-arithmetic.ts). */
export function liveTotals(lines: ApiRecord[], drafts: Record<string, LineDraft>, discount: unknown, tax: unknown): { lines: string[]; totals: QuoteTotals } {
  const inputs = lines.map((line) => currentLine(line, drafts[line.id])).map((line) => ({
    quantity: /^\d+(\.\d+)?$/.test(line.quantity) ? line.quantity : '0',
    unit_price: /^\d+(\.\d+)?$/.test(line.unit_price) ? line.unit_price : '0',
    discount_percent: line.discount_percent && /^\d+(\.\d+)?$/.test(line.discount_percent) ? line.discount_percent : null,
  }))
  return priceQuote(inputs, discount as number | null, tax as number | null)
}

/** The draft as a PATCH body: only what changed, in API shapes. */
export function draftPatch(line: ApiRecord, draft: LineDraft, currency: string): Record<string, unknown> {
  const patch: Record<string, unknown> = {}
  const saved = currentLine(line)
  if (draft.description !== undefined && draft.description !== saved.description) patch.description = draft.description
  if (draft.quantity !== undefined && draft.quantity !== saved.quantity) patch.quantity = draft.quantity
  if (draft.unit_price !== undefined && draft.unit_price !== saved.unit_price) patch.unit_price = { amount: draft.unit_price, currency }
  if (draft.discount_percent !== undefined && draft.discount_percent !== saved.discount_percent) patch.discount_percent = draft.discount_percent
  return patch
}

/** After a line changes, the quote (totals, version, status) and its timeline change too. */
export function useRefreshQuote(quoteId: string) {
  const client = useQueryClient()
  return () => Promise.all([
    client.invalidateQueries({ queryKey: linesKey(quoteId) }),
    client.invalidateQueries({ queryKey: recordKey('quotes', quoteId) }),
    client.invalidateQueries({ queryKey: timelineKey('quotes', quoteId) }),
    client.invalidateQueries({ queryKey: ['quote-versions', quoteId] }),
  ])
}

/** The first field's message, else the error's. */
export const errorText = (error: unknown, fallback: string) =>
  error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : error instanceof Error ? error.message : fallback
