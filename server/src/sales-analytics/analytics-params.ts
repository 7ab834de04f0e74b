import { AppError, type FieldError } from '../errors/app-error.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'
import { isCalendarDate } from '../metadata/field-types/temporal-types.ts'
import { WORKSPACE_OFFSET_MINUTES } from '../records/relative-dates.ts'


/** Who and what a sales report covers; every filter optional. */
export interface ReportFilters {
  pipelineId?: string
  ownerId?: string
  teamId?: string
}

type Query = Record<string, unknown>

function text(query: Query, name: string, errors: FieldError[]): string | undefined {
  const value = query[name]
  if (value === undefined || value === '') return undefined
  if (typeof value !== 'string') {
    errors.push({ field: name, code: 'expected_text' })
    return undefined
  }
  return value
}

function id(query: Query, name: string, errors: FieldError[]): string | undefined {
  const value = text(query, name, errors)
  if (value !== undefined && !isUuid(value)) errors.push({ field: name, code: 'invalid_id' })
  return value?.toLowerCase()
}

export function readFilters(query: Query, errors: FieldError[]): ReportFilters {
  return { pipelineId: id(query, 'pipeline', errors), ownerId: id(query, 'owner', errors), teamId: id(query, 'team', errors) }
}

/** Midnight starting `date` in the workspace's zone. */
export const dayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - WORKSPACE_OFFSET_MINUTES * 60_000)

export interface FunnelParams extends ReportFilters {
  from?: string
  to?: string
}

/** `?pipeline=&from=&to=&owner=&team=`: dates as YYYY-MM-DD, both days included. */
export function readFunnelParams(query: Query): FunnelParams {
  const errors: FieldError[] = []
  const filters = readFilters(query, errors)
  const [from, to] = (['from', 'to'] as const).map((name) => {
    const value = text(query, name, errors)
    if (value !== undefined && !isCalendarDate(value)) errors.push({ field: name, code: 'invalid_date' })
    return value
  })
  if (from && to && errors.length === 0 && from > to) errors.push({ field: 'from', code: 'invalid_range' })
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
  return { ...filters, from, to }
}

export type ForecastPeriod = 'month' | 'quarter'
export type ForecastGroup = 'owner' | 'team'

export interface ForecastParams extends ReportFilters {
  period: ForecastPeriod
  year: number
  group: ForecastGroup
}

function choice<T extends string>(query: Query, name: string, allowed: readonly T[], fallback: T, errors: FieldError[]): T {
  const value = text(query, name, errors)
  if (value === undefined) return fallback
  if (!(allowed as readonly string[]).includes(value)) errors.push({ field: name, code: 'invalid_option', params: { allowed: allowed.join(', ') } })
  return value as T
}

/** `?period=month|quarter&year=&group=owner|team&owner=&team=&pipeline=`; the year defaults to the current one. */
export function readForecastParams(query: Query, now: Date): ForecastParams {
  const errors: FieldError[] = []
  const filters = readFilters(query, errors)
  const period = choice(query, 'period', ['month', 'quarter'] as const, 'quarter', errors)
  const group = choice(query, 'group', ['owner', 'team'] as const, 'owner', errors)
  const yearText = text(query, 'year', errors)
  const localNow = new Date(now.getTime() + WORKSPACE_OFFSET_MINUTES * 60_000)
  const year = yearText === undefined ? localNow.getUTCFullYear() : Number(yearText)
  if (yearText !== undefined && (!/^\d{4}$/.test(yearText) || year < 2000 || year > 2100)) errors.push({ field: 'year', code: 'out_of_range', params: { min: 2000, max: 2100 } })
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
  return { ...filters, period, group, year }
}
