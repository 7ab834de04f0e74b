import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { AppError } from '../errors/app-error.ts'
import { nowOf, type RecordContext } from '../records/record-context.ts'
import { recordColumns, rowToRecord, type ApiRecord } from '../records/row-mapping.ts'

/** A quote and its lines as they were at one version. */
export interface QuoteSnapshot {
  quote: ApiRecord
  lines: ApiRecord[]
}

/** The quote's live lines in order, read in the caller's transaction (access was checked on the quote). */
export async function quoteLinesOf(trx: Db, ctx: RecordContext, quoteId: string): Promise<ApiRecord[]> {
  const lines = ctx.catalog.get('quote_lines')
  const rows = await trx.selectFrom('quote_lines').select(recordColumns(lines))
    .where('workspace_id', '=', ctx.actor.workspaceId).where('quote_id', '=', quoteId).where('deleted_at', 'is', null)
    .orderBy('position').orderBy('created_at').orderBy('id').execute()
  return rows.map((row) => rowToRecord(lines, row))
}

/** Freezes the quote as it is now (before a change makes the next version). */
export async function saveSnapshot(trx: Db, ctx: RecordContext, quote: ApiRecord): Promise<void> {
  const snapshot: QuoteSnapshot = { quote, lines: await quoteLinesOf(trx, ctx, quote.id) }
  await sql`
    insert into quote_versions (workspace_id, quote_id, quote_version, snapshot, created_at, created_by)
    values (${ctx.actor.workspaceId}, ${quote.id}, ${Number(quote.quote_version) || 1}, ${JSON.stringify(snapshot)}::jsonb, ${nowOf(ctx)}, ${ctx.actor.userId})
    on conflict do nothing`.execute(trx)
}

export interface VersionSummary {
  quote_version: number
  status: unknown
  total: unknown
  sent_at: unknown
  superseded_at: string
  current: boolean
}

/** Every version of a quote, oldest first; the last is the live quote. */
export async function listVersions(db: Db, workspaceId: string, quote: ApiRecord): Promise<VersionSummary[]> {
  const rows = await db.selectFrom('quote_versions').select(['quote_version', 'snapshot', 'created_at'])
    .where('workspace_id', '=', workspaceId).where('quote_id', '=', quote.id).orderBy('quote_version').execute()
  const past = rows.map((row) => {
    const frozen = (row.snapshot as QuoteSnapshot).quote
    return { quote_version: Number(row.quote_version), status: frozen.status, total: frozen.total, sent_at: frozen.sent_at ?? null, superseded_at: (row.created_at as Date).toISOString(), current: false }
  })
  return [...past, { quote_version: Number(quote.quote_version) || 1, status: quote.status, total: quote.total, sent_at: quote.sent_at ?? null, superseded_at: '', current: true }]
}

export async function readVersion(db: Db, workspaceId: string, quoteId: string, version: number): Promise<QuoteSnapshot> {
  const row = await db.selectFrom('quote_versions').select('snapshot')
    .where('workspace_id', '=', workspaceId).where('quote_id', '=', quoteId).where('quote_version', '=', version).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND')
  return row.snapshot as QuoteSnapshot
}
