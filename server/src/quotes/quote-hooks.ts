import type { Db } from '../db/database.ts'
import { AppError, type FieldError } from '../errors/app-error.ts'
import { nowOf, type RecordContext } from '../records/record-context.ts'
import { registerHooks, type WriteChange } from '../records/record-hooks.ts'
import { updateRecords } from '../records/write-pipeline.ts'
import { loadPriceBook, pickPriceBook } from './price-lookup.ts'
import { readQuoteSettings } from './quote-settings.ts'
import { canMove, isSentToCustomer, isUnderApproval, QUOTE_CONTENT_FIELDS, type QuoteStatus } from './quote-status.ts'
import { syncActionOf, type QuoteSyncAction } from './quote-sync.ts'
import { countLines, totalsFromLines, totalsOf } from './quote-totals.ts'
import { quoteLinesOf, saveSnapshot } from './quote-versions.ts'

const DAY = 86_400_000
const isoDay = (date: Date) => date.toISOString().slice(0, 10)
const refuse = (change: WriteChange, field: string, code: string, params?: FieldError['params']) =>
  new AppError('VALIDATION_FAILED', [{ field: `${change.pathPrefix}${field}`, code, ...(params && { params }) }])

/** A quote made for an opportunity is for its account and primary contact unless told otherwise. */
async function fillFromOpportunity(trx: Db, workspaceId: string, values: Record<string, unknown>) {
  if (typeof values.opportunity_id !== 'string' || (values.account_id !== undefined && values.contact_id !== undefined)) return
  const deal = await trx.selectFrom('opportunities').select(['account_id', 'contact_id'])
    .where('workspace_id', '=', workspaceId).where('id', '=', values.opportunity_id).executeTakeFirst()
  if (values.account_id === undefined && deal?.account_id) values.account_id = deal.account_id
  if (values.contact_id === undefined && deal?.contact_id) values.contact_id = deal.contact_id
}

/** A new quote: draft, version 1, its price book and currency agreeing, the workspace's defaults, zero totals. */
async function prepareNewQuote(trx: Db, ctx: RecordContext, change: WriteChange) {
  if (syncActionOf(change)) return
  const { values } = change
  const workspaceId = ctx.actor.workspaceId
  await fillFromOpportunity(trx, workspaceId, values)
  if (values.status !== undefined && values.status !== null && values.status !== 'draft') throw refuse(change, 'status', 'quote_starts_as_draft')
  let currency = (values.currency ?? undefined) as string | undefined
  if (typeof values.price_book_id === 'string') {
    const book = await loadPriceBook(trx, workspaceId, values.price_book_id)
    if (book?.active === false) throw refuse(change, 'price_book_id', 'price_book_inactive')
    if (book && currency && book.currency !== currency) throw refuse(change, 'price_book_id', 'price_currency_mismatch', { expected: currency })
    currency = book?.currency ?? currency
  } else if (values.price_book_id === undefined) {
    const book = await pickPriceBook(trx, workspaceId, values.account_id, currency)
    if (book) [values.price_book_id, currency] = [book.id, currency ?? book.currency]
  }
  const settings = await readQuoteSettings(trx, workspaceId)
  values.currency = currency ?? 'CNY'
  values.status = 'draft'
  values.quote_version = 1
  values.tax_percent ??= settings.default_tax_percent
  values.valid_until ??= isoDay(new Date(nowOf(ctx).getTime() + settings.validity_days * DAY))
  values.terms ??= settings.default_terms
  Object.assign(values, totalsOf([], values.discount_percent, values.tax_percent, values.currency as string, change.pathPrefix))
}

/** Currency and price book must agree, and a quote with lines keeps the currency its prices are in. */
async function checkCurrency(trx: Db, ctx: RecordContext, change: WriteChange, before: Record<string, unknown>) {
  const { values } = change
  if (!('currency' in values) && !('price_book_id' in values)) return
  if (values.currency === null) throw refuse(change, 'currency', 'required')
  const bookId = 'price_book_id' in values ? values.price_book_id : before.price_book_id
  const book = typeof bookId === 'string' ? await loadPriceBook(trx, ctx.actor.workspaceId, bookId) : undefined
  if ('price_book_id' in values && book?.active === false) throw refuse(change, 'price_book_id', 'price_book_inactive')
  if (book && !('currency' in values) && book.currency !== before.currency) values.currency = book.currency
  const currency = (values.currency ?? before.currency) as string
  if (currency !== before.currency && (await countLines(trx, ctx.actor.workspaceId, change.id)) > 0) {
    throw refuse(change, 'price_book_id' in values && !('currency' in values) ? 'price_book_id' : 'currency', 'quote_has_lines')
  }
  if (book && book.currency !== currency) {
    throw refuse(change, 'price_book_id' in values ? 'price_book_id' : 'currency', 'price_currency_mismatch', { expected: 'price_book_id' in values ? currency : book.currency })
  }
}

function newVersion(values: Record<string, unknown>, before: Record<string, unknown>) {
  values.quote_version = (Number(before.quote_version) || 1) + 1
  values.sent_at = null
  values.accepted_at = null
}

/** What the pipeline's own sync updates do (quote-sync.ts). */
async function applySync(trx: Db, ctx: RecordContext, change: WriteChange, action: QuoteSyncAction) {
  const before = change.before!
  if (action.kind === 'recalculate') {
    Object.assign(change.values, await totalsFromLines(trx, ctx.actor.workspaceId, change.id, before.discount_percent, before.tax_percent, before.currency as string))
  } else if (action.kind === 'revise') {
    await saveSnapshot(trx, ctx, before)
    newVersion(change.values, before)
    change.values.status = 'draft'
  } else if (action.kind === 'reopen') {
    change.values.status = 'draft'
  } else {
    Object.assign(change.values, action.values)
  }
}

/** Status moves, new versions when sent content changes, and totals whenever their inputs change. */
async function prepareQuoteUpdate(trx: Db, ctx: RecordContext, change: WriteChange) {
  const before = change.before!
  const action = syncActionOf(change)
  if (action) return applySync(trx, ctx, change, action)
  const { values } = change
  const was = (before.status ?? 'draft') as QuoteStatus
  const content = QUOTE_CONTENT_FIELDS.filter((name) => name in values)
  if (was === 'accepted' && (content.length > 0 || 'status' in values)) {
    throw new AppError('CONFLICT', [{ field: `${change.pathPrefix}${content[0] ?? 'status'}`, code: 'quote_accepted' }])
  }
  if (values.status === null) throw refuse(change, 'status', 'required')
  await checkCurrency(trx, ctx, change, before)
  let from = was
  if (isSentToCustomer(was) && (content.length > 0 || values.status === 'draft')) {
    await saveSnapshot(trx, ctx, before)
    newVersion(values, before)
    from = 'draft'
    values.status ??= 'draft'
  } else if (isUnderApproval(was) && content.length > 0) {
    values.status ??= 'draft'
  }
  const to = (values.status ?? was) as QuoteStatus
  if (!canMove(from, to)) throw refuse(change, 'status', 'invalid_status_change', { from, to })
  if (to === 'sent' && from !== 'sent') {
    if ((await countLines(trx, ctx.actor.workspaceId, change.id)) === 0) throw refuse(change, 'status', 'quote_has_no_lines')
    const validUntil = (values.valid_until ?? before.valid_until) as string | null
    if (validUntil && validUntil < isoDay(nowOf(ctx))) throw refuse(change, 'valid_until', 'quote_validity_passed')
    values.sent_at = nowOf(ctx).toISOString()
  }
  if (to === 'accepted' && from !== 'accepted') values.accepted_at = nowOf(ctx).toISOString()
  if (['discount_percent', 'tax_percent', 'currency'].some((name) => name in values)) {
    const pick = (name: string) => (name in values ? values[name] : before[name])
    Object.assign(values, await totalsFromLines(trx, ctx.actor.workspaceId, change.id, pick('discount_percent'), pick('tax_percent'), pick('currency') as string, change.pathPrefix))
  }
}

registerHooks('quotes', {
  extraInputs: ['sync'],
  async beforeWrite(trx, ctx, change) {
    if (change.op === 'create') await prepareNewQuote(trx, ctx, change)
    else if (change.op === 'update') await prepareQuoteUpdate(trx, ctx, change)
  },
  // The lines follow their quote's owner, so they stay in the same reps' reach.
  async afterWrite(trx, ctx, change) {
    if (change.op !== 'update' || !('owner_id' in change.values)) return
    const lines = await quoteLinesOf(trx, ctx, change.id)
    if (lines.length === 0) return
    await updateRecords(ctx, ctx.catalog.get('quote_lines'), lines.map((line) => ({ id: line.id, input: { owner_id: change.values.owner_id } })), { trx })
  },
})
