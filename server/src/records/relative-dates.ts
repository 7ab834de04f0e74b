export const RELATIVE_PERIODS = [
  'today', 'yesterday', 'tomorrow', 'this_week', 'last_week', 'this_month', 'last_month', 'next_month',
  'this_quarter', 'last_quarter', 'this_year', 'last_year', 'last_7_days', 'last_30_days', 'last_90_days',
  'next_7_days', 'next_30_days',
] as const
export type RelativePeriod = (typeof RELATIVE_PERIODS)[number]

/** The workspace's days and periods: China's zone, UTC+8, which has no daylight saving time. */
export const WORKSPACE_OFFSET_MINUTES = 480

const DAY = 86_400_000

/** Midnight (as a UTC instant) of the day containing `now` in a zone `offsetMinutes` east of UTC. */
function startOfDay(now: Date, offsetMinutes: number): number {
  const local = now.getTime() + offsetMinutes * 60_000
  return Math.floor(local / DAY) * DAY - offsetMinutes * 60_000
}

function startOfMonth(now: Date, offsetMinutes: number, monthShift: number): number {
  const local = new Date(now.getTime() + offsetMinutes * 60_000)
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + monthShift, 1) - offsetMinutes * 60_000
}

/**
 * The half-open instant range [start, end) of a relative period, in the workspace's time zone
 * (an offset: China has no daylight saving time).
 */
export function relativeRange(period: RelativePeriod, now: Date, offsetMinutes = WORKSPACE_OFFSET_MINUTES): [Date, Date] {
  const today = startOfDay(now, offsetMinutes)
  const local = new Date(now.getTime() + offsetMinutes * 60_000)
  const weekday = (local.getUTCDay() + 6) % 7 // Monday first, as in China
  const quarterShift = -(local.getUTCMonth() % 3)
  const ranges: Record<RelativePeriod, [number, number]> = {
    today: [today, today + DAY],
    yesterday: [today - DAY, today],
    tomorrow: [today + DAY, today + 2 * DAY],
    this_week: [today - weekday * DAY, today + (7 - weekday) * DAY],
    last_week: [today - (weekday + 7) * DAY, today - weekday * DAY],
    this_month: [startOfMonth(now, offsetMinutes, 0), startOfMonth(now, offsetMinutes, 1)],
    last_month: [startOfMonth(now, offsetMinutes, -1), startOfMonth(now, offsetMinutes, 0)],
    next_month: [startOfMonth(now, offsetMinutes, 1), startOfMonth(now, offsetMinutes, 2)],
    this_quarter: [startOfMonth(now, offsetMinutes, quarterShift), startOfMonth(now, offsetMinutes, quarterShift + 3)],
    last_quarter: [startOfMonth(now, offsetMinutes, quarterShift - 3), startOfMonth(now, offsetMinutes, quarterShift)],
    this_year: [startOfMonth(now, offsetMinutes, -local.getUTCMonth()), startOfMonth(now, offsetMinutes, 12 - local.getUTCMonth())],
    last_year: [startOfMonth(now, offsetMinutes, -local.getUTCMonth() - 12), startOfMonth(now, offsetMinutes, -local.getUTCMonth())],
    last_7_days: [today - 6 * DAY, today + DAY],
    last_30_days: [today - 29 * DAY, today + DAY],
    last_90_days: [today - 89 * DAY, today + DAY],
    next_7_days: [today, today + 7 * DAY],
    next_30_days: [today, today + 30 * DAY],
  }
  const [start, end] = ranges[period]
  return [new Date(start), new Date(end)]
}

/** The same range as calendar dates, for date fields. */
export function relativeDateRange(period: RelativePeriod, now: Date, offsetMinutes = WORKSPACE_OFFSET_MINUTES): [string, string] {
  const toDate = (instant: Date) => new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10)
  const [start, end] = relativeRange(period, now, offsetMinutes)
  return [toDate(start), toDate(end)]
}
