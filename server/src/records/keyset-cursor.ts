import { AppError } from '../errors/app-error.ts'

/** Position after the last row of a page: the sort value as text (exact) and the id. */
export interface Cursor {
  sort: string
  value: string | null
  id: string
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString('base64url')
}

export function decodeCursor(text: string, sort: string): Cursor {
  const invalid = () => new AppError('VALIDATION_FAILED', [{ field: 'cursor', code: 'invalid_cursor' }])
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
  } catch {
    throw invalid()
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid()
  const [cursorSort, value, id] = parsed
  if (cursorSort !== sort || (value !== null && typeof value !== 'string') || typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) throw invalid()
  return { sort, value, id }
}
