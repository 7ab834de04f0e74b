import { AppError } from '../errors/app-error.ts'
import { registerHooks, type WriteChange } from '../records/record-hooks.ts'
import { updateRecords } from '../records/write-pipeline.ts'
import { loadPriceBook, loadProduct } from './price-lookup.ts'

const refuse = (change: WriteChange, field: string, code: string, params?: Record<string, string>) =>
  new AppError('VALIDATION_FAILED', [{ field: `${change.pathPrefix}${field}`, code, ...(params && { params }) }])

registerHooks('price_books', {
  async beforeWrite(trx, ctx, change) {
    if (change.op !== 'update' || !('currency' in change.values)) return
    const entry = await trx.selectFrom('price_book_entries').select('id')
      .where('workspace_id', '=', ctx.actor.workspaceId).where('price_book_id', '=', change.id).where('deleted_at', 'is', null).executeTakeFirst()
    if (entry) throw refuse(change, 'currency', 'price_book_has_entries')
  },
  // One default book per currency: making one the default takes the flag from the others.
  async afterWrite(trx, ctx, change, record) {
    if ((change.op !== 'create' && change.op !== 'update') || record.is_default !== true) return
    if (!('is_default' in change.values) && !('currency' in change.values)) return
    const others = await trx.selectFrom('price_books').select('id')
      .where('workspace_id', '=', ctx.actor.workspaceId).where('currency', '=', record.currency as string)
      .where('is_default', '=', true).where('id', '!=', record.id).where('deleted_at', 'is', null).execute()
    if (others.length === 0) return
    await updateRecords(ctx, change.object, others.map((other) => ({ id: other.id as string, input: { is_default: false } })), { trx })
  },
})

// Pairs taken in a transaction not yet written (a bulk create runs every before-hook first).
const pending = new WeakMap<object, Set<string>>()

/** An entry prices one product once per book, in the book's currency; its name is the product's. */
registerHooks('price_book_entries', {
  async beforeWrite(trx, ctx, change) {
    if (change.op !== 'create' && change.op !== 'update' && change.op !== 'restore') return
    const { values } = change
    const before: Record<string, unknown> = change.before ?? {}
    const bookId = (values.price_book_id ?? before.price_book_id) as string
    const productId = (values.product_id ?? before.product_id) as string
    // Locking the book makes two concurrent entries for the same product wait for each other.
    await trx.selectFrom('price_books').select('id').where('workspace_id', '=', ctx.actor.workspaceId).where('id', '=', bookId).forUpdate().execute()
    const bookRow = await loadPriceBook(trx, ctx.actor.workspaceId, bookId)
    if (!bookRow) throw refuse(change, 'price_book_id', 'not_found')
    const price = (values.unit_price ?? before.unit_price) as { currency: string } | undefined
    if (price && price.currency !== bookRow.currency) throw refuse(change, 'unit_price', 'price_currency_mismatch', { expected: bookRow.currency })
    if (change.op === 'create' || 'product_id' in values || 'price_book_id' in values || change.op === 'restore') {
      const taken = await trx.selectFrom('price_book_entries').select('id')
        .where('workspace_id', '=', ctx.actor.workspaceId).where('price_book_id', '=', bookId).where('product_id', '=', productId)
        .where('deleted_at', 'is', null).where('id', '!=', change.id).executeTakeFirst()
      const seen = pending.get(trx) ?? new Set<string>()
      pending.set(trx, seen)
      if (taken || seen.has(`${bookId}:${productId}`)) throw new AppError('CONFLICT', [{ field: `${change.pathPrefix}product_id`, code: 'already_in_price_book' }])
      seen.add(`${bookId}:${productId}`)
    }
    if (change.op !== 'restore' && (change.op === 'create' || 'product_id' in values)) {
      values.name = (await loadProduct(trx, ctx.actor.workspaceId, productId))?.name ?? null
    }
  },
})
