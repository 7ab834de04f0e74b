import { dateTimeFormat } from './intl-formats.ts'

const MINUTE = 60_000
const DAY = 86_400_000
/** Time-zone offsets are looked up per quarter hour of UTC time: every zone changes offset on one. */
const OFFSET_BUCKET = 15 * MINUTE
/** Cached days and offsets per formatter; past this many the cache starts again. */
const MAX_CACHED = 50_000

const DATE_STYLE: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' }
const TIME_STYLE: Intl.DateTimeFormatOptions = { timeStyle: 'short', timeZone: 'UTC' }

/** Date.UTC for every year: Date.UTC itself reads years 0–99 as 1900–1999. */
function utcTime(year: number, monthIndex: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(Date.UTC(2000, monthIndex, day, hour, minute, second))
  date.setUTCFullYear(year)
  return date.getTime()
}

/** A bounded memo: formatting the same day or offset twice is the common case in a list or an export. */
function memo<K, V>(compute: (key: K) => V): (key: K) => V {
  const values = new Map<K, V>()
  return (key) => {
    let value = values.get(key)
    if (value === undefined) {
      if (values.size >= MAX_CACHED) values.clear()
      values.set(key, (value = compute(key)))
    }
    return value
  }
}

/** The zone's offset from UTC at an instant, in ms, read from Intl once per quarter hour of time. */
function offsetReader(timeZone: string): (ms: number) => number {
  const wallClock = dateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
  const offsetAt = memo((bucket: number) => {
    const instant = bucket * OFFSET_BUCKET
    const part: Record<string, number> = {}
    for (const { type, value } of wallClock.formatToParts(instant)) part[type] = Number(value)
    return utcTime(part.year, part.month - 1, part.day, part.hour, part.minute, part.second) - instant
  })
  return (ms) => offsetAt(Math.floor(ms / OFFSET_BUCKET))
}

/** A calendar date (days since 1970-01-01) as a person reads it in this language: 2026年3月31日, Mar 31, 2026. */
const calendarDayText = new Map<string, (day: number) => string>()
function dayText(locale: string): (day: number) => string {
  let text = calendarDayText.get(locale)
  if (!text) {
    const format = dateTimeFormat(locale, DATE_STYLE)
    calendarDayText.set(locale, (text = memo((day: number) => format.format(day * DAY))))
  }
  return text
}

/** A calendar date (YYYY-MM-DD) in the reader's language. */
export function formatCalendarDate(locale: string, isoDate: string): string {
  return dayText(locale)(Math.floor(utcTime(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / DAY))
}

/**
 * Formats instants as Intl's medium date + short time in a zone, but from a cached day text and one of
 * the day's 1,440 minute texts: an export of a million rows formats each day once instead of each row.
 * A language whose combined form is not "day, separator, time" uses Intl for every value.
 */
function zonedDateTimeText(locale: string, timeZone: string): (ms: number) => string {
  const full = dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone })
  const offsetOf = offsetReader(timeZone)
  const day = dayText(locale)
  const timeFormat = dateTimeFormat(locale, TIME_STYLE)
  const minutes: string[] = []
  const time = (minute: number) => (minutes[minute] ??= timeFormat.format(minute * MINUTE))
  let separator: string | undefined
  const checkedDays = memo((localDay: number) => {
    // The first instant seen on each local day is formatted both ways; any difference turns the shortcut off.
    const sample = localDay * DAY + 13 * 60 * MINUTE + 7 * MINUTE
    const utc = sample - offsetOf(sample)
    const expected = full.format(utc)
    const dayPart = day(localDay)
    const timePart = time(13 * 60 + 7)
    const fits = expected.startsWith(dayPart) && expected.endsWith(timePart)
    const between = fits ? expected.slice(dayPart.length, expected.length - timePart.length) : undefined
    if (separator === undefined && between !== undefined) separator = between
    return between !== undefined && between === separator
  })
  return (ms) => {
    const local = ms + offsetOf(ms)
    const localDay = Math.floor(local / DAY)
    if (!checkedDays(localDay)) return full.format(ms)
    return day(localDay) + separator + time(Math.floor((local - localDay * DAY) / MINUTE))
  }
}

const zonedTexts = new Map<string, (ms: number) => string>()

/** An instant as date and time (to the minute) in a zone, in the reader's language: 2026年3月31日 14:05, Mar 31, 2026, 2:05 PM. */
export function formatDateTime(locale: string, timeZone: string, ms: number): string {
  const key = `${locale}|${timeZone}`
  let text = zonedTexts.get(key)
  if (!text) zonedTexts.set(key, (text = zonedDateTimeText(locale, timeZone)))
  return text(ms)
}
