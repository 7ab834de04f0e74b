/** Days as YYYY-MM-DD, either end open. */
export interface DayRange {
  from?: string
  to?: string
}

/**
 * A period of days as the whole months inside it (read from the monthly funnel rollup) and the
 * days before and after them (from the daily one), so a long period reads months, not days.
 */
export function periodParts(period: DayRange): { months?: DayRange; days: DayRange[] } {
  const day = (date: Date) => date.toISOString().slice(0, 10)
  const parse = (text: string) => new Date(`${text}T00:00:00Z`)
  const monthStart = (date: Date, shift = 0) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + shift, 1))
  const from = period.from ? parse(period.from) : undefined
  const to = period.to ? parse(period.to) : undefined
  const firstMonth = from && (from.getUTCDate() === 1 ? from : monthStart(from, 1))
  const endsMonth = to && monthStart(to, 1).getTime() - to.getTime() === 86_400_000
  const lastMonth = to && (endsMonth ? monthStart(to) : monthStart(to, -1))
  if (firstMonth && lastMonth && firstMonth > lastMonth) return { days: [period] }
  const days: DayRange[] = []
  if (from && firstMonth && from < firstMonth) days.push({ from: period.from, to: day(new Date(firstMonth.getTime() - 86_400_000)) })
  if (to && lastMonth && to >= monthStart(lastMonth, 1)) days.push({ from: day(monthStart(lastMonth, 1)), to: period.to })
  return { months: { from: firstMonth && day(firstMonth), to: lastMonth && day(lastMonth) }, days }
}
