import type { Db } from '../db/database.ts'
import { AppError } from '../errors/app-error.ts'
import type { RecordContext } from '../records/record-context.ts'
import type { WriteChange } from '../records/record-hooks.ts'
import { updateRecords } from '../records/write-pipeline.ts'

/**
 * Server-side changes to a quote's computed fields, made through the write pipeline as an update whose
 * `sync` input carries this module's token. A request body cannot hold the token (it is no JSON value),
 * so clients cannot trigger these.
 */
const TOKEN = Symbol('quote-sync')

export type QuoteSyncAction =
  | { kind: 'recalculate' }
  | { kind: 'revise' }
  | { kind: 'reopen' }
  | { kind: 'restore'; values: Record<string, unknown> }

export function syncActionOf(change: WriteChange): QuoteSyncAction | undefined {
  const sync = change.extra.sync as { token?: unknown; action?: QuoteSyncAction } | undefined
  if (sync === undefined) return undefined
  if (sync === null || typeof sync !== 'object' || sync.token !== TOKEN || !sync.action) {
    throw new AppError('VALIDATION_FAILED', [{ field: `${change.pathPrefix}sync`, code: 'unknown_field' }])
  }
  return sync.action
}

export async function syncQuote(trx: Db, ctx: RecordContext, quoteId: string, action: QuoteSyncAction) {
  const [quote] = await updateRecords(ctx, ctx.catalog.get('quotes'), [{ id: quoteId, input: { sync: { token: TOKEN, action } } }], { trx })
  return quote
}
