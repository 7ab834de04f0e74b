import { getRecord } from '../records/get-record.ts'
import type { RecordContext } from '../records/record-context.ts'
import { quoteDocument } from './quote-document.ts'
import { renderQuotePdf } from './quote-pdf.ts'
import { quoteLinesOf, readVersion, type QuoteSnapshot } from './quote-versions.ts'
import { AppError } from '../errors/app-error.ts'

/** The quote (read scope applies) at its current version, or a frozen earlier one. */
export async function quoteAtVersion(ctx: RecordContext, id: string, version?: unknown): Promise<QuoteSnapshot> {
  const quote = await getRecord(ctx, ctx.catalog.get('quotes'), id)
  if (version === undefined || Number(version) === Number(quote.quote_version)) return { quote, lines: await quoteLinesOf(ctx.db, ctx, id) }
  if (typeof version !== 'string' || !/^\d{1,9}$/.test(version)) throw new AppError('VALIDATION_FAILED', [{ field: 'version', code: 'expected_integer' }])
  return readVersion(ctx.db, ctx.actor.workspaceId, id, Number(version))
}

export async function quotePdf(ctx: RecordContext, snapshot: QuoteSnapshot): Promise<{ pdf: Buffer; filename: string }> {
  const document = await quoteDocument(ctx.db, ctx.actor.workspaceId, ctx.actor.locale, snapshot.quote, snapshot.lines)
  const pdf = await renderQuotePdf(document)
  return { pdf, filename: `${document.label.replace(' ', '-')} ${document.name}.pdf` }
}
