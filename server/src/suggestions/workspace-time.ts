import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { AppError, type FieldError } from '../errors/app-error.ts'

/** A workspace's follow-up settings, kept in `workspaces.settings.follow_up`. */
export interface FollowUpSettings {
  /** Local hour (0–23) from which the day's suggestions are made. */
  hour: number
  /** IANA time zone of the workspace: its "today", due dates and the morning hour. */
  time_zone: string
  /** A sent quote without an answer for this many days is worth a call. */
  quote_days: number
  /** An open opportunity without activity for this many days. */
  stale_days: number
  /** A new lead untouched for this many days. */
  lead_days: number
  /** An email without a reply for this many days. */
  email_days: number
}

export const DEFAULT_FOLLOW_UP: FollowUpSettings = { hour: 8, time_zone: 'Asia/Shanghai', quote_days: 3, stale_days: 14, lead_days: 1, email_days: 3 }

const RANGES: Record<Exclude<keyof FollowUpSettings, 'time_zone'>, { min: number; max: number }> = {
  hour: { min: 0, max: 23 }, quote_days: { min: 1, max: 365 }, stale_days: { min: 1, max: 365 }, lead_days: { min: 1, max: 365 }, email_days: { min: 1, max: 365 },
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

function fromStored(stored: unknown): FollowUpSettings {
  const settings = { ...DEFAULT_FOLLOW_UP }
  if (typeof stored !== 'object' || stored === null) return settings
  const raw = stored as Record<string, unknown>
  for (const key of Object.keys(RANGES) as (keyof typeof RANGES)[]) if (typeof raw[key] === 'number') settings[key] = raw[key] as number
  if (typeof raw.time_zone === 'string' && isTimeZone(raw.time_zone)) settings.time_zone = raw.time_zone
  return settings
}

export async function readFollowUpSettings(db: Db, workspaceId: string): Promise<FollowUpSettings> {
  const row = await sql<{ value: unknown }>`select settings -> 'follow_up' as value from workspaces where id = ${workspaceId}`.execute(db)
  return fromStored(row.rows[0]?.value)
}

/** Checks a partial change; every bad key is named. */
export function checkFollowUpChange(current: FollowUpSettings, input: unknown): FollowUpSettings {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'expected_object' }])
  const next = { ...current }
  const errors: FieldError[] = []
  for (const [key, value] of Object.entries(input)) {
    if (key === 'time_zone') {
      if (typeof value === 'string' && isTimeZone(value)) next.time_zone = value
      else errors.push({ field: key, code: 'invalid_time_zone' })
      continue
    }
    const range = Object.hasOwn(RANGES, key) ? RANGES[key as keyof typeof RANGES] : undefined
    if (!range) errors.push({ field: key.slice(0, 64), code: 'unknown_field' })
    else if (typeof value !== 'number' || !Number.isInteger(value)) errors.push({ field: key, code: 'expected_integer' })
    else if (value < range.min || value > range.max) errors.push({ field: key, code: 'out_of_range', params: range })
    else next[key as keyof typeof RANGES] = value
  }
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
  return next
}

export async function writeFollowUpSettings(db: Db, workspaceId: string, settings: FollowUpSettings): Promise<void> {
  await sql`update workspaces set settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{follow_up}', ${JSON.stringify(settings)}::jsonb) where id = ${workspaceId}`.execute(db)
}

/** The local calendar day (YYYY-MM-DD) and hour of an instant in a time zone. */
export function localParts(at: Date, timeZone: string): { day: string; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  return { day: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')), minute: Number(part('minute')) }
}

/** The instant a local day starts in a time zone. */
export function localMidnight(day: string, timeZone: string): Date {
  const guess = Date.parse(`${day}T00:00:00Z`)
  const local = localParts(new Date(guess), timeZone)
  const asUtc = Date.parse(`${local.day}T${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}:00Z`)
  return new Date(guess - (asUtc - guess))
}

/** Every workspace's id and follow-up settings, for the scheduled jobs. */
export async function allWorkspaceSettings(db: Db): Promise<{ workspaceId: string; settings: FollowUpSettings }[]> {
  const rows = await sql<{ id: string; value: unknown }>`select id, settings -> 'follow_up' as value from workspaces order by id`.execute(db)
  return rows.rows.map((row) => ({ workspaceId: row.id, settings: fromStored(row.value) }))
}
