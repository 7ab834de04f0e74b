import { AppError } from '../errors/app-error.ts'

// NUL cannot be stored in PostgreSQL text or JSON, and a lone surrogate is not valid Unicode.
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

const MAX_DEPTH = 20

/** The path of the first string (or key) in `value` that text storage cannot hold, if any. */
export function findUnstorableText(value: unknown, path = '', depth = 0): string | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? (depth === 0 ? 'body' : path) : undefined
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return undefined
  // Only parsed data (JSON, query strings) is walked: a streamed upload's body is not text to check.
  const prototype = Object.getPrototypeOf(value)
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return undefined
  for (const [key, item] of Object.entries(value)) {
    const itemPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key
    if (UNSTORABLE.test(key)) return itemPath
    const found = findUnstorableText(item, itemPath, depth + 1)
    if (found) return found
  }
  return undefined
}

/**
 * Refuses a request whose body, query or path holds text that cannot be stored, naming where:
 * the body's field path, or the query parameter's name.
 */
export function assertStorableText(parts: { body?: unknown; query?: unknown; params?: unknown }): void {
  const inBody = findUnstorableText(parts.body)
  const inQuery = findUnstorableText(parts.query) ?? findUnstorableText(parts.params)
  const field = inBody ?? inQuery?.split(/[.[]/)[0]
  if (field !== undefined) throw new AppError('VALIDATION_FAILED', [{ field: field.slice(0, 200), code: 'invalid_characters' }])
}
