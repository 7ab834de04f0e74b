const DAY_MS = 86_400_000
const BEIJING_OFFSET_HOURS = 8

/** Dates relative to one calendar day, so "overdue" and "next week" stay meaningful whenever the demo is seeded. */
export class DemoClock {
  private readonly midnight: number

  /** `today` as YYYY-MM-DD; defaults to the current UTC date (so a seed gives the same data all day long). */
  constructor(today: string = new Date().toISOString().slice(0, 10)) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today)
    if (!match) throw new Error(`today must be YYYY-MM-DD, got ${today}`)
    this.midnight = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  }

  /** The date `days` from today: 'YYYY-MM-DD'. */
  date(days: number): string {
    return new Date(this.midnight + days * DAY_MS).toISOString().slice(0, 10)
  }

  /** An instant `days` from today at a Beijing wall-clock time, as canonical ISO UTC text. */
  dateTime(days: number, beijingHour: number, minute: number): string {
    return new Date(this.midnight + days * DAY_MS + (beijingHour - BEIJING_OFFSET_HOURS) * 3_600_000 + minute * 60_000).toISOString()
  }
}
