import { AppError } from '../errors/app-error.ts'
import type { RecordContext } from '../records/record-context.ts'
import { planRows, type ImportSettings, type SourceRow } from './import-plan.ts'
import { reasonText } from './import-report.ts'
import type { ImportRow } from './import-store.ts'
import { readRows } from './row-reader.ts'

const PREVIEW_ROWS = 20
const DRY_RUN_BATCH = 1000
const DRY_RUN_SAMPLES = 20

function settingsOf(row: ImportRow): ImportSettings {
  if (!row.file_path || !row.headers) throw new AppError('CONFLICT', [{ field: 'file', code: 'required' }])
  return { headers: row.headers, mapping: row.mapping, match_key: row.match_key, on_duplicate: row.on_duplicate }
}

/** Data rows of the file in batches, streamed. */
async function* batches(row: ImportRow, size: number, limit = Infinity): AsyncGenerator<SourceRow[]> {
  let batch: SourceRow[] = []
  let number = 0
  let header = true
  for await (const cells of readRows(row.file_path!, row.file_format!, row.encoding)) {
    if (header) {
      header = false
      continue
    }
    batch.push({ number: ++number, cells })
    if (batch.length >= size) {
      yield batch
      batch = []
    }
    if (number >= limit) break
  }
  if (batch.length > 0) yield batch
}

/** The first rows with what would happen to each and every cell's validation result, by header. */
export async function preview(ctx: RecordContext, row: ImportRow) {
  const settings = settingsOf(row)
  const object = ctx.catalog.get(row.object)
  const rows = []
  for await (const batch of batches(row, PREVIEW_ROWS, PREVIEW_ROWS)) {
    for (const plan of await planRows(ctx, object, settings, batch, new Map())) {
      const errors: Record<string, string> = {}
      for (const reason of plan.reasons ?? []) errors[reason.field] = [errors[reason.field], reasonText([{ ...reason, field: '' }], ctx.actor.locale)].filter(Boolean).join('; ')
      rows.push({ row: plan.row.number, cells: plan.row.cells, action: plan.action, errors })
    }
  }
  return { headers: settings.headers, mapping: settings.mapping, rows }
}

/** Every row planned as the import would, without writing: counts and the first rejections. */
export async function dryRun(ctx: RecordContext, row: ImportRow) {
  const settings = settingsOf(row)
  const object = ctx.catalog.get(row.object)
  const counts = { total: 0, create: 0, update: 0, skip: 0, reject: 0 }
  const rejections: { row: number; reason: string }[] = []
  const seen = new Map<string, string>()
  for await (const batch of batches(row, DRY_RUN_BATCH)) {
    for (const plan of await planRows(ctx, object, settings, batch, seen)) {
      counts.total++
      counts[plan.action]++
      if (plan.action === 'reject' && rejections.length < DRY_RUN_SAMPLES) rejections.push({ row: plan.row.number, reason: reasonText(plan.reasons ?? [], ctx.actor.locale) })
    }
  }
  return { ...counts, rejections }
}
