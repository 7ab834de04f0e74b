import type { Db } from '../db/database.ts'
import { AppError } from '../errors/app-error.ts'
import { exceedsMaxAmount, quoteTotals } from './quote-arithmetic.ts'

const money = (amount: string, currency: string) => ({ amount, currency })

/** The quote's computed money fields from its stored line totals (each already rounded). */
export async function totalsFromLines(
  trx: Db, workspaceId: string, quoteId: string, discountPercent: unknown, taxPercent: unknown, currency: string, pathPrefix = '',
): Promise<Record<string, { amount: string; currency: string }>> {
  const rows = await trx.selectFrom('quote_lines').select('line_total')
    .where('workspace_id', '=', workspaceId).where('quote_id', '=', quoteId).where('deleted_at', 'is', null).execute()
  return totalsOf(rows.map((row) => String(row.line_total ?? '0')), discountPercent, taxPercent, currency, pathPrefix)
}

export function totalsOf(lineTotals: string[], discountPercent: unknown, taxPercent: unknown, currency: string, pathPrefix = '') {
  const totals = quoteTotals(lineTotals, discountPercent as number | null, taxPercent as number | null)
  if (exceedsMaxAmount(totals.subtotal) || exceedsMaxAmount(totals.total)) {
    throw new AppError('VALIDATION_FAILED', [{ field: `${pathPrefix}total`, code: 'amount_too_large' }])
  }
  return {
    subtotal: money(totals.subtotal, currency),
    discount_total: money(totals.discount_total, currency),
    tax_total: money(totals.tax_total, currency),
    total: money(totals.total, currency),
  }
}

export async function countLines(trx: Db, workspaceId: string, quoteId: string): Promise<number> {
  const row = await trx.selectFrom('quote_lines').select((eb) => eb.fn.countAll().as('count'))
    .where('workspace_id', '=', workspaceId).where('quote_id', '=', quoteId).where('deleted_at', 'is', null).executeTakeFirst()
  return Number(row?.count ?? 0)
}
