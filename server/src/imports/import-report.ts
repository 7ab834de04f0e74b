import type { Readable } from 'node:stream'
import { Readable as ReadableStream } from 'node:stream'
import type { Db } from '../db/database.ts'
import type { FieldError } from '../errors/app-error.ts'
import { isMessageKey, translate, type Locale } from '../i18n/translate.ts'
import type { ImportRow } from './import-store.ts'

const PAGE = 1000

/** A cell quoted when it needs to be; a leading = + - @ is neutralised so spreadsheets do not run it. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^[-+]?[\d(]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function reasonText(reasons: FieldError[], locale: Locale): string {
  return reasons.map((reason) => {
    const key = reason.code.startsWith('error.') ? reason.code : `field.${reason.code}`
    const message = isMessageKey(key) ? translate(locale, key, reason.params) : reason.code
    return reason.field ? `${reason.field}: ${message}` : message
  }).join('; ')
}

/** The rejected rows as CSV (UTF-8 with BOM): the file's columns plus a reason, streamed page by page. */
export function rejectedRowsReport(db: Db, row: ImportRow, locale: Locale): Readable {
  const headers = row.headers ?? []
  async function* lines() {
    yield '\ufeff' + [...headers, translate(locale, 'import.reason_column')].map(csvCell).join(',') + '\r\n'
    let after = 0
    for (;;) {
      const page = await db.selectFrom('import_rejections').select(['row_number', 'cells', 'reasons'])
        .where('workspace_id', '=', row.workspace_id).where('import_id', '=', row.id).where('row_number', '>', after)
        .orderBy('row_number').limit(PAGE).execute()
      if (page.length === 0) return
      yield page.map((rejection) => {
        const cells = headers.map((_, index) => String((rejection.cells as string[])[index] ?? ''))
        return [...cells, reasonText(rejection.reasons as FieldError[], locale)].map(csvCell).join(',') + '\r\n'
      }).join('')
      after = page[page.length - 1].row_number
    }
  }
  return ReadableStream.from(lines())
}
