import { AppError } from '../errors/app-error.ts'
import { fieldTypes } from '../metadata/field-types/index.ts'
import { compareAmounts, subtractAmounts, sumAmounts } from '../quotes/quote-arithmetic.ts'
import { nowOf, type RecordContext } from '../records/record-context.ts'
import { recordColumns, rowToRecord, type ApiRecord } from '../records/row-mapping.ts'
import { scopedSelect } from '../records/scoped-query.ts'
import { createRecords } from '../records/write-pipeline.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'

/** Only these may come with the action; the rest is taken from the quote or contract. */
function pickInput(body: unknown, allowed: string[]): Record<string, unknown> {
  if (body === undefined || body === null) return {}
  if (typeof body !== 'object' || Array.isArray(body)) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'expected_object' }])
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key))
  if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', unknown.map((field) => ({ field, code: 'unknown_field' })))
  return { ...(body as Record<string, unknown>) }
}

async function lockRecord(ctx: RecordContext, trx: RecordContext['db'], objectName: string, id: string): Promise<ApiRecord> {
  const object = ctx.catalog.get(objectName)
  if (!isUuid(id)) throw new AppError('NOT_FOUND')
  const row = await scopedSelect(ctx, object, { db: trx }).select(recordColumns(object)).where('id', '=', id).forUpdate().executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND')
  return rowToRecord(object, row)
}

/** An accepted quote becomes a contract worth its total, linked to its account, opportunity and the quote itself. */
export async function contractFromQuote(ctx: RecordContext, quoteId: string, body: unknown): Promise<ApiRecord> {
  const input = pickInput(body, ['name', 'start_date', 'end_date', 'signed_at', 'description'])
  return ctx.db.transaction().execute(async (trx) => {
    const quote = await lockRecord(ctx, trx, 'quotes', quoteId)
    if (quote.status !== 'accepted') throw new AppError('CONFLICT', [{ field: 'status', code: 'quote_not_accepted' }])
    const existing = await trx.selectFrom('contracts').select('id')
      .where('workspace_id', '=', ctx.actor.workspaceId).where('quote_id', '=', quoteId).where('deleted_at', 'is', null).executeTakeFirst()
    if (existing) throw new AppError('CONFLICT', [{ field: 'quote_id', code: 'contract_exists', params: { id: existing.id as string } }])
    if (!quote.account_id) throw new AppError('VALIDATION_FAILED', [{ field: 'account_id', code: 'required' }])
    const [contract] = await createRecords(ctx, ctx.catalog.get('contracts'), [{
      name: quote.name, account_id: quote.account_id, quote_id: quote.id, opportunity_id: quote.opportunity_id ?? null,
      value: quote.total, status: 'draft', start_date: nowOf(ctx).toISOString().slice(0, 10), ...input,
    }], { trx })
    return contract
  })
}

/**
 * An order under an open contract, for the part of its value not yet ordered unless an amount is
 * given; orders never add up to more than the contract is worth (cancelled ones do not count).
 */
export async function orderFromContract(ctx: RecordContext, contractId: string, body: unknown): Promise<ApiRecord> {
  const input = pickInput(body, ['name', 'amount', 'order_date', 'description'])
  return ctx.db.transaction().execute(async (trx) => {
    const contract = await lockRecord(ctx, trx, 'contracts', contractId)
    if (contract.status !== 'draft' && contract.status !== 'active') throw new AppError('CONFLICT', [{ field: 'status', code: 'contract_not_open' }])
    const value = contract.value as { amount: string; currency: string } | null
    const ordered = await trx.selectFrom('orders').select('amount')
      .where('workspace_id', '=', ctx.actor.workspaceId).where('contract_id', '=', contractId).where('deleted_at', 'is', null)
      .where((eb) => eb.or([eb('status', 'is', null), eb('status', '!=', 'cancelled')])).execute()
    const remaining = value ? subtractAmounts(value.amount, sumAmounts(ordered.map((row) => String(row.amount ?? '0')))) : undefined
    let amount = input.amount === undefined || input.amount === null ? undefined : fieldTypes.currency.parse(input.amount, { name: 'amount', type: 'currency', label: { en: '', 'zh-CN': '' } })
    if (amount && !amount.ok) throw new AppError('VALIDATION_FAILED', [{ field: 'amount', ...amount.issue }])
    if (!amount) {
      if (!value || !remaining) throw new AppError('VALIDATION_FAILED', [{ field: 'amount', code: 'required' }])
      if (compareAmounts(remaining, 0) <= 0) throw new AppError('CONFLICT', [{ field: 'amount', code: 'contract_fully_ordered' }])
      amount = { ok: true, value: { amount: remaining, currency: value.currency } }
    }
    const money = amount.value as { amount: string; currency: string }
    if (value && money.currency !== value.currency) throw new AppError('VALIDATION_FAILED', [{ field: 'amount', code: 'price_currency_mismatch', params: { expected: value.currency } }])
    if (compareAmounts(money.amount, 0) <= 0) throw new AppError('VALIDATION_FAILED', [{ field: 'amount', code: 'too_small', params: { min: 0.01 } }])
    if (remaining !== undefined && compareAmounts(money.amount, remaining) > 0) {
      throw new AppError('CONFLICT', [{ field: 'amount', code: 'exceeds_contract', params: { remaining } }])
    }
    const [order] = await createRecords(ctx, ctx.catalog.get('orders'), [{
      name: input.name ?? contract.name, account_id: contract.account_id, contract_id: contract.id, quote_id: contract.quote_id ?? null,
      amount: money, order_date: input.order_date, description: input.description,
    }], { trx })
    return order
  })
}
