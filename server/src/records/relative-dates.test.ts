import { describe, expect, it } from 'vitest'
import { relativeDateRange, relativeRange } from './relative-dates.ts'

describe('relative date periods in China time', () => {
  // 2026-03-01 01:30 in Shanghai is still 28 February in UTC.
  const now = new Date('2026-02-28T17:30:00Z')

  it('puts today, this month and this week on Beijing calendar days', () => {
    expect(relativeDateRange('today', now)).toEqual(['2026-03-01', '2026-03-02'])
    expect(relativeDateRange('this_month', now)).toEqual(['2026-03-01', '2026-04-01'])
    expect(relativeDateRange('last_month', now)).toEqual(['2026-02-01', '2026-03-01'])
    expect(relativeDateRange('this_week', now)).toEqual(['2026-02-23', '2026-03-02'])
    expect(relativeDateRange('this_quarter', now)).toEqual(['2026-01-01', '2026-04-01'])
    expect(relativeDateRange('last_year', now)).toEqual(['2025-01-01', '2026-01-01'])
    expect(relativeDateRange('last_7_days', now)).toEqual(['2026-02-23', '2026-03-02'])
  })

  it('gives instants for datetime fields', () => {
    const [start, end] = relativeRange('today', now)
    expect(start.toISOString()).toBe('2026-02-28T16:00:00.000Z')
    expect(end.toISOString()).toBe('2026-03-01T16:00:00.000Z')
  })
})
