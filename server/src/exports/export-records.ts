import { PassThrough, type Writable } from 'node:stream'
import { assertCan } from '../access/record-access.ts'
import { writeAudit } from '../audit/audit-log.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import type { FieldDefinition } from '../metadata/object-definition.ts'
import { nowOf, type RecordContext } from '../records/record-context.ts'
import type { ApiRecord } from '../records/row-mapping.ts'
import { walkRecords } from '../records/walk-records.ts'
import { exportColumns, linkNames, type LinkNames } from './export-columns.ts'
import { formats, type ExportFormat } from './export-formats.ts'
import { ExportAborted } from './stream-output.ts'

export interface ExportRequest {
  format: ExportFormat
  filter?: unknown
  sort?: string
  q?: string
  fields?: string[]
  /** Records read per query. */
  chunkSize?: number
}

export interface StartedExport {
  stream: PassThrough
  /** Settles when the last byte is written (or the export stopped); the audit entry is written by then. */
  done: Promise<{ rows: number; status: 'completed' | 'aborted' | 'failed' }>
}

const linkFieldsOf = (object: ObjectSchema, format: ExportFormat, columnFields: FieldDefinition[]): FieldDefinition[] => {
  if (format === 'vcf') return [object.field('account_id')!]
  if (format === 'ics') return []
  return columnFields
}

/**
 * Starts streaming a list query's records in a format. The first chunk is read before this resolves,
 * so a bad filter, sort or field is refused as a 4xx before any byte goes out.
 */
export async function startExport(ctx: RecordContext, object: ObjectSchema, request: ExportRequest): Promise<StartedExport> {
  assertCan(ctx.actor, object, 'read')
  assertCan(ctx.actor, object, 'export')
  const spec = formats[request.format]
  const columns = exportColumns(object, request.fields, ctx.actor.locale)
  const columnFields = columns.map((column) => column.field)
  // CSV and Excel show the columns as people read them; vCard and iCalendar read whole records.
  const tabular = spec.object === undefined
  // A polymorphic link needs the object it points into.
  const fetch = request.fields && tabular
    ? [...new Set([...columnFields.map((field) => field.name), ...(columnFields.some((field) => field.target === '*') ? ['related_object'] : [])])]
    : undefined
  const records = walkRecords(ctx, object, { filter: request.filter, sort: request.sort, q: request.q, fields: fetch, forDisplay: tabular }, request.chunkSize)
  const first = await records.next()
  const stream = new PassThrough({ highWaterMark: 256 * 1024 })
  const startedAt = nowOf(ctx)
  const linkFields = linkFieldsOf(object, request.format, columnFields)

  const run = async () => {
    const sink = spec.open(stream as Writable, columns, ctx.actor.locale, startedAt)
    let rows = 0
    let status: 'completed' | 'aborted' | 'failed' = 'completed'
    const details = () => ({ format: request.format, filter: request.filter ?? null, sort: request.sort ?? null, q: request.q ?? null, fields: request.fields ?? null, rows, status })
    // The next page is read while this one is formatted and written: the database and Node work side by side.
    let pending: Promise<IteratorResult<ApiRecord[]>> | undefined
    const names: LinkNames = new Map()
    try {
      for (let chunk = first; !chunk.done; chunk = await pending!) {
        pending = records.next()
        rows += await sink.write(chunk.value, await linkNames(ctx, linkFields, chunk.value, names))
      }
      // Audited before the last bytes leave, so a finished download is always on record.
      await writeAudit(ctx.db, ctx.actor, { action: 'export', object: object.name, details: details() }, nowOf(ctx))
      await sink.close()
      return { rows, status }
    } catch (error) {
      status = error instanceof ExportAborted ? 'aborted' : 'failed'
      await pending?.catch(() => undefined)
      await records.return(undefined)
      stream.destroy(error instanceof ExportAborted ? undefined : (error as Error))
      await writeAudit(ctx.db, ctx.actor, { action: 'export', object: object.name, details: details() }, nowOf(ctx)).catch(() => undefined)
      return { rows, status }
    }
  }
  return { stream, done: run() }
}

/** `attachment` with an ASCII name and the localized one (RFC 6266 / RFC 5987): 联系人-2026-03-31.csv. */
export function exportFilename(object: ObjectSchema, ctx: RecordContext, extension: string): string {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(nowOf(ctx))
  const local = `${object.pluralLabel[ctx.actor.locale]}-${date}.${extension}`
  const ascii = `${object.name}-${date}.${extension}`.replace(/[^\w.-]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(local)}`
}
