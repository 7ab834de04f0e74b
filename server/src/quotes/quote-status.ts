/** A quote's status lifecycle: draft → pending_approval → approved → sent → accepted / rejected / expired. */
export type QuoteStatus = 'draft' | 'pending_approval' | 'approved' | 'sent' | 'accepted' | 'rejected' | 'expired'

/**
 * The moves a client may make. Whether `sent` needs an approval first is the approvals module's rule
 * (a hook that may refuse the move); a rejected or expired quote is revised as a new draft version.
 */
const NEXT: Record<QuoteStatus, readonly QuoteStatus[]> = {
  draft: ['pending_approval', 'approved', 'sent'],
  pending_approval: ['draft', 'approved', 'rejected'],
  approved: ['draft', 'pending_approval', 'sent'],
  sent: ['accepted', 'rejected', 'expired', 'draft'],
  accepted: [],
  rejected: ['draft'],
  expired: ['draft'],
}

export const canMove = (from: QuoteStatus, to: QuoteStatus) => from === to || NEXT[from].includes(to)

export const allowedMoves = (from: QuoteStatus) => NEXT[from]

/** The customer has seen this content: changing it makes a new version. */
export const isSentToCustomer = (status: QuoteStatus) => status === 'sent' || status === 'rejected' || status === 'expired'

/** Approval was asked or given for this content: changing it takes the quote back to draft. */
export const isUnderApproval = (status: QuoteStatus) => status === 'pending_approval' || status === 'approved'

/** Fields whose change alters what the customer is offered (what the PDF shows). */
export const QUOTE_CONTENT_FIELDS = [
  'name', 'account_id', 'contact_id', 'price_book_id', 'currency', 'discount_percent', 'tax_percent', 'valid_until', 'terms',
] as const

/** Quote display number with its version: Q-0001 v2. */
export function quoteLabel(number: unknown, version?: unknown): string {
  return `Q-${String(number ?? '').padStart(4, '0')} v${Number(version) || 1}`
}
