import type { Db } from '../db/database.ts'

export interface PriceBookRow {
  id: string
  currency: string
  active: boolean | null
}

export async function loadPriceBook(trx: Db, workspaceId: string, id: string): Promise<PriceBookRow | undefined> {
  return trx.selectFrom('price_books').select(['id', 'currency', 'active'])
    .where('workspace_id', '=', workspaceId).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst() as Promise<PriceBookRow | undefined>
}

/**
 * The price book a new quote takes when none is named: an active book for the account's tier (in the
 * quote's currency, if it has one), else the active default book of that currency (CNY when unknown).
 */
export async function pickPriceBook(trx: Db, workspaceId: string, accountId: unknown, currency: string | undefined): Promise<PriceBookRow | undefined> {
  const books = trx.selectFrom('price_books').select(['id', 'currency', 'active'])
    .where('workspace_id', '=', workspaceId).where('deleted_at', 'is', null).where((eb) => eb.or([eb('active', 'is', null), eb('active', '=', true)]))
  if (typeof accountId === 'string') {
    const account = await trx.selectFrom('accounts').select('tier').where('workspace_id', '=', workspaceId).where('id', '=', accountId).executeTakeFirst()
    if (account?.tier) {
      const byTier = await books.where('customer_tier', '=', account.tier).$if(currency !== undefined, (q) => q.where('currency', '=', currency!))
        .orderBy('is_default', 'desc').orderBy('name').orderBy('id').executeTakeFirst()
      if (byTier) return byTier as PriceBookRow
    }
  }
  return books.where('is_default', '=', true).where('currency', '=', currency ?? 'CNY').orderBy('name').orderBy('id').executeTakeFirst() as Promise<PriceBookRow | undefined>
}

export interface ProductRow {
  id: string
  name: string
  unit: string | null
  list_price: string | null
  list_price_currency: string | null
}

export async function loadProduct(trx: Db, workspaceId: string, id: string): Promise<ProductRow | undefined> {
  return trx.selectFrom('products').select(['id', 'name', 'unit', 'list_price', 'list_price_currency'])
    .where('workspace_id', '=', workspaceId).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst() as Promise<ProductRow | undefined>
}

/** The product's price for a quote: its entry in the quote's price book, else its list price. */
export async function defaultPrice(trx: Db, workspaceId: string, product: ProductRow, priceBookId: unknown): Promise<{ amount: string; currency: string } | undefined> {
  if (typeof priceBookId === 'string') {
    const entry = await trx.selectFrom('price_book_entries').select(['unit_price', 'unit_price_currency'])
      .where('workspace_id', '=', workspaceId).where('price_book_id', '=', priceBookId).where('product_id', '=', product.id)
      .where('deleted_at', 'is', null).orderBy('updated_at', 'desc').executeTakeFirst()
    if (entry?.unit_price != null) return { amount: String(entry.unit_price), currency: String(entry.unit_price_currency) }
  }
  if (product.list_price == null) return undefined
  return { amount: String(product.list_price), currency: product.list_price_currency ?? 'CNY' }
}
