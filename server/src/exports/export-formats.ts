import type { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { Locale } from '../i18n/translate.ts'
import type { ApiRecord } from '../records/row-mapping.ts'
import { cellText, type CellText, type ExportColumn, type LinkNames } from './export-columns.ts'
import { activityComponent, CALENDAR_END, CALENDAR_START } from './icalendar-format.ts'
import { drained, writeText } from './stream-output.ts'
import { contactVcard } from './vcard-format.ts'

export const EXPORT_FORMATS = ['csv', 'xlsx', 'vcf', 'ics'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** Where one export's rows go, chunk by chunk. */
export interface ExportSink {
  /** Writes one chunk; resolves with how many records it wrote, once the client has room for more. */
  write(records: ApiRecord[], names: LinkNames): Promise<number>
  close(): Promise<void>
}

export interface FormatSpec {
  contentType: string
  extension: string
  /** Only for this object (vCard: contacts, iCalendar: activities). */
  object?: string
  open(out: Writable, columns: ExportColumn[], locale: Locale, now: Date): ExportSink
}

// A leading = or @ would make a spreadsheet run the cell as a formula (CSV injection): a quote keeps it text.
const defused = (text: string) => (/^[=@\t\r]/.test(text) ? `'${text}` : text)
/** Anything a CSV cell must quote or defuse; most cells have none of it and go out as they are. */
const NEEDS_CARE = /[",\r\n]|^[\s=@]|\s$/
const csvCell = (value: string) => {
  if (!NEEDS_CARE.test(value)) return value
  const text = defused(value)
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
const csvLine = (cells: string[]) => `${cells.map(csvCell).join(',')}\r\n`

/** The CSV lines of a chunk: each column's reader made once, one cell array reused for every row. */
function csvLines(records: ApiRecord[], texts: CellText[], names: LinkNames): string {
  const lines = new Array<string>(records.length)
  const cells = new Array<string>(texts.length)
  for (let row = 0; row < records.length; row++) {
    for (let index = 0; index < texts.length; index++) cells[index] = csvCell(texts[index](records[row], names))
    lines[row] = `${cells.join(',')}\r\n`
  }
  return lines.join('')
}

function textSink(out: Writable, head: string, tail: string, render: (records: ApiRecord[], names: LinkNames) => { text: string; count: number }): ExportSink {
  let started = false
  return {
    async write(records, names) {
      const { text, count } = render(records, names)
      await writeText(out, started ? text : head + text)
      started = true
      return count
    },
    async close() {
      await writeText(out, started ? tail : head + tail)
      out.end()
    },
  }
}

/** Each export format: its MIME type, file extension and writer. */
export const formats: Record<ExportFormat, FormatSpec> = {
  csv: {
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    // The byte-order mark makes Excel read the file as UTF-8 (Chinese text included).
    open(out, columns, locale) {
      const texts = columns.map((column) => cellText(column.field, locale))
      return textSink(out, `\uFEFF${csvLine(columns.map((column) => column.header))}`, '', (records, names) => ({ text: csvLines(records, texts, names), count: records.length }))
    },
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    open(out, columns, locale) {
      // Streaming writer: each committed row goes to the zip stream; no shared-string table kept in memory.
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false })
      const sheet = workbook.addWorksheet('Export')
      const texts = columns.map((column) => cellText(column.field, locale))
      sheet.addRow(columns.map((column) => column.header)).commit()
      return {
        async write(records, names) {
          for (const record of records) sheet.addRow(texts.map((text) => text(record, names))).commit()
          await drained(out)
          return records.length
        },
        async close() {
          sheet.commit()
          await workbook.commit()
        },
      }
    },
  },
  vcf: {
    contentType: 'text/vcard; charset=utf-8',
    extension: 'vcf',
    object: 'contacts',
    open: (out) =>
      textSink(out, '', '', (records, names) => ({
        text: records.map((record) => contactVcard(record, names.get('accounts')?.get(String(record.account_id)))).join(''),
        count: records.length,
      })),
  },
  ics: {
    contentType: 'text/calendar; charset=utf-8',
    extension: 'ics',
    object: 'activities',
    open: (out, _columns, _locale, now) =>
      textSink(out, CALENDAR_START, CALENDAR_END, (records) => {
        const components = records.map((record) => activityComponent(record, now)).filter(Boolean)
        return { text: components.join(''), count: components.length }
      }),
  },
}
