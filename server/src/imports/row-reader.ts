import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { detect } from 'chardet'
import { parse } from 'csv-parse'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'

export type FileFormat = 'csv' | 'xlsx'

const SAMPLE_BYTES = 64 * 1024

/** xlsx files are zip archives: they start with "PK". */
export async function detectFormat(filePath: string, fileName: string): Promise<FileFormat> {
  const handle = await open(filePath, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0)
    if (bytesRead >= 2 && buffer[0] === 0x50 && buffer[1] === 0x4b) return 'xlsx'
  } finally {
    await handle.close()
  }
  return /\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv'
}

function isUtf8(sample: Buffer, truncated: boolean): boolean {
  // A multi-byte character may be cut at the end of the sample: drop up to 3 trailing bytes.
  for (let cut = 0; cut <= (truncated ? 3 : 0); cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, sample.length - cut))
      return true
    } catch {
      // try a shorter sample
    }
  }
  return false
}

/**
 * The text encoding of a CSV file: UTF-8 (with or without BOM) when the bytes are valid UTF-8, else
 * what chardet finds; any Chinese guess (GBK, GB2312…) reads as GB18030, its superset, as Excel saves it.
 */
export async function detectEncoding(filePath: string): Promise<string> {
  const handle = await open(filePath, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SAMPLE_BYTES), 0, SAMPLE_BYTES, 0)
    const sample = buffer.subarray(0, bytesRead)
    if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8'
    if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le'
    if (isUtf8(sample, bytesRead === SAMPLE_BYTES)) return 'utf-8'
    const guess = (detect(sample) ?? '').toLowerCase()
    if (guess.startsWith('big5')) return 'big5'
    if (guess.startsWith('shift_jis')) return 'shift_jis'
    return 'gb18030'
  } finally {
    await handle.close()
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) {
    const iso = value.toISOString()
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
  }
  if (typeof value === 'object') {
    const cell = value as { text?: unknown; result?: unknown; richText?: { text: string }[]; hyperlink?: string }
    if (cell.richText) return cell.richText.map((part) => part.text).join('')
    if (cell.result !== undefined) return cellText(cell.result)
    if (cell.text !== undefined) return cellText(cell.text)
    return ''
  }
  return String(value)
}

// NUL cannot be stored in PostgreSQL text.
// eslint-disable-next-line no-control-regex
const cleanCell = (cell: string) => cell.replace(/\u0000/g, '').trim()

async function* csvRows(filePath: string, encoding: string): AsyncGenerator<string[]> {
  const options = { bom: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true }
  // csv-parse reads UTF-8 bytes itself (a character split across chunks included); other encodings are decoded first.
  const parser = /^utf-?8$/i.test(encoding)
    ? createReadStream(filePath).pipe(parse(options))
    : createReadStream(filePath).pipe(iconv.decodeStream(encoding)).pipe(parse(options))
  for await (const record of parser) yield (record as string[]).map(cleanCell)
}

async function* xlsxRows(filePath: string): AsyncGenerator<string[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' })
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      const values = Array.from((row.values as unknown[]).slice(1), (value) => cleanCell(cellText(value)))
      if (values.some((value) => value !== '')) yield values
    }
    // Only the first sheet is imported.
    return
  }
}

/** Every non-empty row of the file, the header row first, read as a stream. */
export function readRows(filePath: string, format: FileFormat, encoding: string | null): AsyncGenerator<string[]> {
  return format === 'xlsx' ? xlsxRows(filePath) : csvRows(filePath, encoding ?? 'utf-8')
}

/** The header row and the number of data rows, in one streamed pass. */
export async function scanFile(filePath: string, format: FileFormat, encoding: string | null): Promise<{ headers: string[]; totalRows: number }> {
  let headers: string[] | undefined
  let totalRows = 0
  for await (const row of readRows(filePath, format, encoding)) {
    if (!headers) headers = row
    else totalRows++
  }
  return { headers: uniqueHeaders(headers ?? []), totalRows }
}

/** Mappings are keyed by header: blank and repeated headers get a distinct name. */
export function uniqueHeaders(headers: string[]): string[] {
  const seen = new Set<string>()
  return headers.map((header, index) => {
    let name = header || `Column ${index + 1}`
    for (let n = 2; seen.has(name); n++) name = `${header || `Column ${index + 1}`} (${n})`
    seen.add(name)
    return name
  })
}
