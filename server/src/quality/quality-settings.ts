import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { AppError, type FieldError } from '../errors/app-error.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'

/** When `field` has `value`, each of `required` must be filled (e.g. a deal at 方案报价 needs its amount). */
export interface StageRule {
  field: string
  value: string
  required: string[]
}

export interface QualitySettings {
  /** Field → weight of the completeness score; the object's declared defaults unless overridden. */
  weights: Record<string, number>
  /** Whether `weights` are the workspace's own (false: the declared defaults). */
  customWeights: boolean
  stageRules: StageRule[]
}

const MAX_WEIGHT = 100
const MAX_RULES = 100
// Read on every record write: cached briefly per workspace and object, dropped when saved here.
const CACHE_MS = 5_000
const cache = new Map<string, { at: number; row: { weights: unknown; stage_rules: unknown } | null }>()

/** Fields whose filling can be scored or required: stored, writable, not system-maintained. */
export function scorableField(object: ObjectSchema, name: string) {
  const field = object.field(name)
  return field && !field.system && !field.readOnly ? field : undefined
}

export function defaultWeights(object: ObjectSchema): Record<string, number> {
  // An object that declares no weights (tags, views, a new custom object) is not scored until a workspace weighs it.
  return Object.fromEntries(Object.entries(object.completeness ?? {}).filter(([name]) => scorableField(object, name)))
}

async function loadRow(db: Db, workspaceId: string, object: string) {
  const key = `${workspaceId}:${object}`
  const hit = cache.get(key)
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.row
  const row = (await db.selectFrom('quality_settings').select(['weights', 'stage_rules'])
    .where('workspace_id', '=', workspaceId).where('object', '=', object).executeTakeFirst()) ?? null
  cache.set(key, { at: Date.now(), row: row as { weights: unknown; stage_rules: unknown } | null })
  return row as { weights: unknown; stage_rules: unknown } | null
}

export async function qualitySettingsOf(db: Db, workspaceId: string, object: ObjectSchema): Promise<QualitySettings> {
  const row = await loadRow(db, workspaceId, object.name)
  const stored = row?.weights as Record<string, number> | null | undefined
  const weights = stored ? Object.fromEntries(Object.entries(stored).filter(([name]) => scorableField(object, name))) : defaultWeights(object)
  const stageRules = ((row?.stage_rules as StageRule[] | undefined) ?? []).filter((rule) => object.field(rule.field))
  return { weights, customWeights: Boolean(stored), stageRules }
}

function checkWeights(object: ObjectSchema, input: unknown, errors: FieldError[]): Record<string, number> | null {
  if (input === null) return null
  if (typeof input !== 'object' || Array.isArray(input)) {
    errors.push({ field: 'weights', code: 'expected_object' })
    return null
  }
  const weights: Record<string, number> = {}
  for (const [name, weight] of Object.entries(input as Record<string, unknown>)) {
    const path = `weights.${name}`.slice(0, 200)
    if (!scorableField(object, name)) errors.push({ field: path, code: 'unknown_field' })
    else if (typeof weight !== 'number' || !Number.isInteger(weight)) errors.push({ field: path, code: 'expected_integer' })
    else if (weight < 0 || weight > MAX_WEIGHT) errors.push({ field: path, code: 'out_of_range', params: { min: 0, max: MAX_WEIGHT } })
    else if (weight > 0) weights[name] = weight
  }
  return weights
}

function checkRules(object: ObjectSchema, input: unknown, errors: FieldError[]): StageRule[] {
  if (!Array.isArray(input)) {
    errors.push({ field: 'stage_rules', code: 'expected_list' })
    return []
  }
  if (input.length > MAX_RULES) errors.push({ field: 'stage_rules', code: 'too_many_items', params: { max: MAX_RULES } })
  return input.slice(0, MAX_RULES).flatMap((raw: unknown, index): StageRule[] => {
    const path = `stage_rules[${index}]`
    const rule = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
    const field = typeof rule.field === 'string' ? object.field(rule.field) : undefined
    if (!field || field.type !== 'single_select') {
      errors.push({ field: `${path}.field`, code: 'unknown_field' })
      return []
    }
    if (!field.options?.some((option) => option.value === rule.value)) {
      errors.push({ field: `${path}.value`, code: 'invalid_option', params: { allowed: (field.options ?? []).map((option) => option.value).join(', ') } })
      return []
    }
    const required = Array.isArray(rule.required) ? rule.required : []
    if (required.length === 0) errors.push({ field: `${path}.required`, code: 'expected_list' })
    const bad = required.findIndex((name) => typeof name !== 'string' || !scorableField(object, name))
    if (bad >= 0) errors.push({ field: `${path}.required[${bad}]`, code: 'unknown_field' })
    return [{ field: field.name, value: String(rule.value), required: [...new Set(required as string[])] }]
  })
}

/** Replaces the workspace's settings of an object; `weights: null` returns to the declared defaults. */
export async function saveQualitySettings(db: Db, workspaceId: string, userId: string, object: ObjectSchema, body: unknown, now: Date) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'expected_object' }])
  const input = body as Record<string, unknown>
  const errors: FieldError[] = []
  const current = await qualitySettingsOf(db, workspaceId, object)
  const weights = 'weights' in input ? checkWeights(object, input.weights, errors) : current.customWeights ? current.weights : null
  const stageRules = 'stage_rules' in input ? checkRules(object, input.stage_rules, errors) : current.stageRules
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
  const values = { weights: weights === null ? null : JSON.stringify(weights), stage_rules: JSON.stringify(stageRules), updated_at: now, updated_by: userId }
  await db.insertInto('quality_settings')
    .values({ workspace_id: workspaceId, object: object.name, ...values, weights: sql`${values.weights}::jsonb`, stage_rules: sql`${values.stage_rules}::jsonb` })
    .onConflict((oc) => oc.columns(['workspace_id', 'object']).doUpdateSet({ weights: sql`excluded.weights`, stage_rules: sql`excluded.stage_rules`, updated_at: now, updated_by: userId }))
    .execute()
  cache.delete(`${workspaceId}:${object.name}`)
  return qualitySettingsOf(db, workspaceId, object)
}

/** Whether a value counts as filled (for rules checked in code; the score is computed in SQL). */
export function isFilled(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false
  if (Array.isArray(value)) return value.length > 0
  if (typeof value === 'object') return Object.keys(value).length > 0
  return true
}
