import pg from 'pg'

const TIMESTAMPTZ = 1184
/** pg's own timestamptz parser, as shipped: the fallback, and what tests compare with. */
export const pgParseTimestamptz = pg.types.getTypeParser(TIMESTAMPTZ) as (text: string) => Date | number | null

const isDigit = (text: string, index: number) => {
  const code = text.charCodeAt(index)
  return code >= 48 && code <= 57
}
/** The digit at `index`, NaN for anything else (which then fails the whole parse). */
const digitAt = (text: string, index: number) => (isDigit(text, index) ? text.charCodeAt(index) - 48 : Number.NaN)
const twoDigits = (text: string, index: number) => digitAt(text, index) * 10 + digitAt(text, index + 1)

/**
 * PostgreSQL's text for a timestamptz (`2026-11-23 03:10:56.123456+00`, `… 08:05:43+08:05:43`) read
 * with char codes instead of pg's regular expressions: every row of a list or an export carries a few.
 * Anything else — a year before 1000 or past 9999, BC, infinity — goes to pg's own parser, whose
 * arithmetic this repeats, so both give the same instant (tested against it).
 */
export function parseTimestamptz(text: string): Date | number | null {
  const length = text.length
  if (length < 22 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 32 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) {
    return pgParseTimestamptz(text)
  }
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2)
  let index = 19
  if (text.charCodeAt(index) === 46) {
    do index++
    while (isDigit(text, index))
  }
  const ms = index > 19 ? 1000 * parseFloat(text.slice(19, index)) : 0
  const sign = text.charCodeAt(index) === 43 ? 1 : text.charCodeAt(index) === 45 ? -1 : 0
  // ±HH, then :MM and :SS when the zone's offset has them.
  let offsetSeconds = twoDigits(text, index + 1) * 3600
  index += 3
  if (text.charCodeAt(index) === 58) {
    offsetSeconds += twoDigits(text, index + 1) * 60
    index += 3
    if (text.charCodeAt(index) === 58) {
      offsetSeconds += twoDigits(text, index + 1)
      index += 3
    }
  }
  const time = Date.UTC(year, twoDigits(text, 5) - 1, twoDigits(text, 8), twoDigits(text, 11), twoDigits(text, 14), twoDigits(text, 17), ms)
  if (sign === 0 || index !== length || year < 1000 || !Number.isFinite(time) || !Number.isFinite(offsetSeconds)) return pgParseTimestamptz(text)
  return new Date(time - sign * offsetSeconds * 1000)
}

/** How rows come back from either engine (both speak through `pg`). */
export function installTypeParsers() {
  // DATE stays 'YYYY-MM-DD' text (pg would turn it into a local-midnight Date); BIGINT counts become numbers.
  pg.types.setTypeParser(1082, (value) => value)
  pg.types.setTypeParser(20, (value) => Number(value))
  pg.types.setTypeParser(TIMESTAMPTZ, parseTimestamptz)
}
