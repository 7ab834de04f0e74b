import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { AppError, type FieldError } from '../errors/app-error.ts'
import type { RecordContext } from '../records/record-context.ts'
import { registerHooks, type WriteChange } from '../records/record-hooks.ts'
import { scopedSelect } from '../records/scoped-query.ts'
import { exceedsMaxAmount, lineTotal } from './quote-arithmetic.ts'
import { defaultPrice, loadProduct } from './price-lookup.ts'
import { isSentToCustomer, isUnderApproval, type QuoteStatus } from './quote-status.ts'
import { syncQuote } from './quote-sync.ts'

interface QuoteRow {
  id: string
  status: QuoteStatus | null
  currency: string | null
  price_book_id: string | null
  owner_id: string | null
}

const refuse = (change: WriteChange, field: string, code: string, params?: FieldError['params']) =>
  new AppError('VALIDATION_FAILED', [{ field: `${change.pathPrefix}${field}`, code, ...(params && { params }) }])

/** Only the owner changes (it follows the quote): nothing the customer sees. */
const ownerOnly = (change: WriteChange) => change.op === 'update' && Object.keys(change.values).every((name) => name === 'owner_id')

/**
 * The line's quote, locked, and made editable: a quote the customer has seen becomes a new version, one
 * under approval goes back to draft, an accepted one is final. Lines of quotes the caller may not change are refused.
 */
async function editableQuote(trx: Db, ctx: RecordContext, change: WriteChange, quoteId: string): Promise<QuoteRow> {
  const quotes = ctx.catalog.get('quotes')
  const quote = await scopedSelect(ctx, quotes, { db: trx, write: true }).select(['id', 'status', 'currency', 'price_book_id', 'owner_id'])
    .where('id', '=', quoteId).forUpdate().executeTakeFirst() as QuoteRow | undefined
  if (!quote) throw refuse(change, 'quote_id', 'not_found')
  const status = quote.status ?? 'draft'
  if (status === 'accepted') throw new AppError('CONFLICT', [{ field: `${change.pathPrefix}quote_id`, code: 'quote_accepted' }])
  if (isSentToCustomer(status)) await syncQuote(trx, ctx, quoteId, { kind: 'revise' })
  else if (isUnderApproval(status)) await syncQuote(trx, ctx, quoteId, { kind: 'reopen' })
  return quote
}

/** Price, description and unit from the product (its entry in the quote's price book first), in the quote's currency. */
async function priceLine(trx: Db, ctx: RecordContext, change: WriteChange, quote: QuoteRow) {
  const { values } = change
  const before: Record<string, unknown> = change.before ?? {}
  const productId = 'product_id' in values ? values.product_id : before.product_id
  const productChanged = change.op === 'create' || 'product_id' in values
  const product = typeof productId === 'string' && productChanged ? await loadProduct(trx, ctx.actor.workspaceId, productId) : undefined
  if (product) {
    if (!('unit_price' in values)) {
      const price = await defaultPrice(trx, ctx.actor.workspaceId, product, quote.price_book_id)
      if (!price) throw refuse(change, 'unit_price', 'required')
      if (price.currency !== quote.currency) throw refuse(change, 'unit_price', 'price_currency_mismatch', { expected: quote.currency ?? '' })
      values.unit_price = price
    }
    if (change.op === 'create' || !('description' in values)) values.description ??= product.name
    if (change.op === 'create' || !('unit' in values)) values.unit ??= product.unit
  }
  const price = ('unit_price' in values ? values.unit_price : before.unit_price) as { amount: string; currency: string } | null
  if (!price) throw refuse(change, 'unit_price', 'required')
  if ('unit_price' in values && price.currency !== quote.currency) throw refuse(change, 'unit_price', 'price_currency_mismatch', { expected: quote.currency ?? '' })
  const description = 'description' in values ? values.description : before.description
  if (!description) throw refuse(change, 'description', 'required')
  const quantity = 'quantity' in values ? values.quantity : before.quantity
  if (Number(quantity) <= 0) throw refuse(change, 'quantity', 'too_small', { min: 0.0001 })
  const discount = 'discount_percent' in values ? values.discount_percent : before.discount_percent
  const total = lineTotal({ quantity: quantity as number, unit_price: price.amount, discount_percent: discount as number | null })
  if (exceedsMaxAmount(total)) throw refuse(change, 'quantity', 'amount_too_large')
  values.line_total = { amount: total, currency: price.currency }
}

// Positions handed out in a transaction not yet written (a bulk create runs every before-hook first).
const handedOut = new WeakMap<Db, Map<string, number>>()

async function nextPosition(trx: Db, workspaceId: string, quoteId: string): Promise<number> {
  const result = await sql<{ last: number }>`
    select coalesce(max(position), 0) as last from quote_lines
    where workspace_id = ${workspaceId} and quote_id = ${quoteId} and deleted_at is null`.execute(trx)
  const positions = handedOut.get(trx) ?? new Map<string, number>()
  handedOut.set(trx, positions)
  const next = Math.max(Number(result.rows[0].last), positions.get(quoteId) ?? 0) + 1
  positions.set(quoteId, next)
  return next
}

registerHooks('quote_lines', {
  async beforeWrite(trx, ctx, change) {
    if (ownerOnly(change)) return
    if (change.op === 'update' && 'quote_id' in change.values) throw refuse(change, 'quote_id', 'read_only')
    const quoteId = (change.values.quote_id ?? change.before?.quote_id) as string
    const quote = await editableQuote(trx, ctx, change, quoteId)
    if (change.op === 'delete' || change.op === 'restore') return
    await priceLine(trx, ctx, change, quote)
    if (change.op === 'create') {
      change.values.owner_id = quote.owner_id
      change.values.position ??= await nextPosition(trx, ctx.actor.workspaceId, quoteId)
    }
  },
  async afterWrite(trx, ctx, change, record) {
    if (ownerOnly(change)) return
    await syncQuote(trx, ctx, record.quote_id as string, { kind: 'recalculate' })
  },
})
