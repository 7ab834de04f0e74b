import { describe, expect, it } from 'vitest'
import { formatCalendarDate, formatDateTime } from './date-text.ts'

const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC']
const LOCALES = ['zh-CN', 'en']

/** A fixed pseudo-random sequence, so a failure repeats. */
function* instants(count: number) {
  let seed = 20261123
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    yield Date.UTC(1950, 0, 1) + (seed / 2 ** 31) * (Date.UTC(2080, 0, 1) - Date.UTC(1950, 0, 1))
  }
}

describe('formatDateTime', () => {
  it('reads exactly as Intl in each language and zone, daylight-saving changes included', () => {
    for (const locale of LOCALES) {
      for (const timeZone of ZONES) {
        const intl = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone })
        for (const ms of instants(3000)) expect(formatDateTime(locale, timeZone, ms), `${locale} ${timeZone} ${new Date(ms).toISOString()}`).toBe(intl.format(ms))
      }
    }
  })

  it('gets the minutes either side of a clock change right', () => {
    const intl = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/New_York' })
    // 2026-03-08 02:00 EST → 03:00 EDT; 2026-11-01 02:00 EDT → 01:00 EST.
    for (const change of [Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 10, 1, 6)]) {
      for (let minute = -90; minute <= 90; minute++) {
        const ms = change + minute * 60_000 + 59_999
        expect(formatDateTime('en', 'America/New_York', ms)).toBe(intl.format(ms))
      }
    }
  })

  it('reads the first centuries right too (Date.UTC takes years 0–99 for 1900–1999)', () => {
    for (const locale of LOCALES) {
      for (const timeZone of ZONES) {
        const intl = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone })
        for (const iso of ['0001-01-01T00:00:00Z', '0050-06-01T12:00:00Z', '0099-12-31T23:59:59Z', '0100-03-01T08:30:00Z']) {
          const ms = Date.parse(iso)
          expect(formatDateTime(locale, timeZone, ms), `${locale} ${timeZone} ${iso}`).toBe(intl.format(ms))
        }
      }
    }
  })

  it('shows China time in Chinese and English', () => {
    const ms = Date.parse('2026-03-31T06:05:59.999Z')
    expect(formatDateTime('zh-CN', 'Asia/Shanghai', ms)).toBe('2026年3月31日 14:05')
    expect(formatDateTime('en', 'Asia/Shanghai', ms)).toMatch(/^Mar 31, 2026,? 2:05\sPM$/)
  })
})

describe('formatCalendarDate', () => {
  it('reads exactly as Intl, in each language', () => {
    for (const locale of LOCALES) {
      const intl = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
      for (const ms of instants(2000)) {
        const iso = new Date(ms).toISOString().slice(0, 10)
        expect(formatCalendarDate(locale, iso)).toBe(intl.format(new Date(`${iso}T00:00:00Z`)))
      }
    }
    expect(formatCalendarDate('zh-CN', '2024-02-29')).toBe('2024年2月29日')
  })
})
