import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { AppError, type FieldError } from '../errors/app-error.ts'
import { checkDecimal } from '../metadata/field-types/numeric-types.ts'

/** How a workspace's quotes look and start, kept in `workspaces.settings.quotes`. */
export interface QuoteSettings {
  /** The seller on the PDF; the workspace's name when empty. */
  company_name: string | null
  company_address: string | null
  company_phone: string | null
  /** Tax rate (%) a new quote starts with. */
  default_tax_percent: number
  /** A new quote is valid this many days. */
  validity_days: number
  /** Terms a new quote starts with. */
  default_terms: string | null
}

export const DEFAULT_QUOTE_SETTINGS: QuoteSettings = {
  company_name: null, company_address: null, company_phone: null, default_tax_percent: 0, validity_days: 30, default_terms: null,
}

const TEXT_LIMITS = { company_name: 200, company_address: 500, company_phone: 50, default_terms: 5000 } as const
type TextKey = keyof typeof TEXT_LIMITS

function fromStored(stored: unknown): QuoteSettings {
  const settings = { ...DEFAULT_QUOTE_SETTINGS }
  if (typeof stored !== 'object' || stored === null) return settings
  const values = stored as Record<string, unknown>
  for (const key of Object.keys(TEXT_LIMITS) as TextKey[]) if (typeof values[key] === 'string') settings[key] = values[key] as string
  if (typeof values.default_tax_percent === 'number') settings.default_tax_percent = values.default_tax_percent
  if (typeof values.validity_days === 'number') settings.validity_days = values.validity_days
  return settings
}

export async function readQuoteSettings(db: Db, workspaceId: string): Promise<QuoteSettings & { workspace_name: string }> {
  const row = await sql<{ settings: unknown; name: string }>`select settings -> 'quotes' as settings, name from workspaces where id = ${workspaceId}`.execute(db)
  return { ...fromStored(row.rows[0]?.settings), workspace_name: row.rows[0]?.name ?? '' }
}

function checkKey(next: QuoteSettings, key: string, value: unknown): FieldError | undefined {
  if (Object.hasOwn(TEXT_LIMITS, key)) {
    if (value === null || value === '') return void ((next as unknown as Record<string, unknown>)[key] = null)
    if (typeof value !== 'string') return { field: key, code: 'expected_text' }
    const max = TEXT_LIMITS[key as TextKey]
    if (value.length > max) return { field: key, code: 'too_long', params: { max } }
    return void ((next as unknown as Record<string, unknown>)[key] = value.trim() || null)
  }
  if (key === 'default_tax_percent') {
    const checked = checkDecimal(value, 2, { name: key, type: 'percent', label: { en: '', 'zh-CN': '' }, min: 0, max: 100 })
    if (!checked.ok) return { field: key, ...checked.issue }
    return void (next.default_tax_percent = Number(checked.value))
  }
  if (key === 'validity_days') {
    if (typeof value !== 'number' || !Number.isInteger(value)) return { field: key, code: 'expected_integer' }
    if (value < 1 || value > 3650) return { field: key, code: 'out_of_range', params: { min: 1, max: 3650 } }
    return void (next.validity_days = value)
  }
  return { field: key, code: 'unknown_field' }
}

/** Checks a partial change against the current settings; every bad key is named. */
export function checkQuoteSettingsChange(current: QuoteSettings, input: unknown): QuoteSettings {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'expected_object' }])
  const next: QuoteSettings = { ...current }
  const errors = Object.entries(input).map(([key, value]) => checkKey(next, key, value)).filter((error) => error !== undefined)
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
  return next
}

export async function writeQuoteSettings(db: Db, workspaceId: string, settings: QuoteSettings): Promise<void> {
  const { company_name, company_address, company_phone, default_tax_percent, validity_days, default_terms } = settings
  const stored = { company_name, company_address, company_phone, default_tax_percent, validity_days, default_terms }
  await sql`
    update workspaces set settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{quotes}', ${JSON.stringify(stored)}::jsonb)
    where id = ${workspaceId}`.execute(db)
}
