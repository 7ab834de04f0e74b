import { AppError } from '../errors/app-error.ts'
import { findUnstorableText } from '../http/text-guard.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'

/** Position after the last row of a page: the sort value as text (exact) and the id. */
export interface Cursor {
  sort: string
  value: string | null
  id: string
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString('base64url')
}

/** Reads a cursor made for `sort`; `isValidValue` checks the sort value's shape. */
export function decodeCursor(text: string, sort: string, isValidValue: (value: string) => boolean): Cursor {
  const invalid = () => new AppError('VALIDATION_FAILED', [{ field: 'cursor', code: 'invalid_cursor' }])
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
  } catch {
    throw invalid()
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid()
  const [cursorSort, value, id] = parsed
  if (cursorSort !== sort || (value !== null && typeof value !== 'string') || !isUuid(id)) throw invalid()
  if (value !== null && (findUnstorableText(value, 'cursor', 1) || !isValidValue(value))) throw invalid()
  return { sort, value, id }
}
