import { sql, type RawBuilder } from 'kysely'
import { AppError, type FieldError } from '../errors/app-error.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import { opportunity } from '../metadata/objects/opportunity.ts'

/** Opportunity stages that close a deal: every other stage is open. */
export const CLOSED_STAGES = ['won', 'lost']
const MAX_DAYS = 36500
const DAY_MS = 86_400_000

/**
 * A behavioural condition of a dynamic segment: a pseudo-field of the list filters
 * (`filter[$no_activity_days][gte]=90`) whose SQL looks beyond the record's own columns.
 */
interface BehaviourFilter {
  /** Whether the object offers this condition. */
  appliesTo(object: ObjectSchema): boolean
  operators: readonly string[]
  sql(object: ObjectSchema, op: string, raw: unknown, path: string, now: Date): RawBuilder<boolean>
}

const column = (object: ObjectSchema, name: string) => sql.ref(`${object.table}.${name}`)

function wholeDays(raw: unknown, path: string): number {
  const text = String(raw)
  if (!/^\d{1,6}$/.test(text)) throw new AppError('VALIDATION_FAILED', [{ field: path, code: 'expected_integer' }])
  const days = Number(text)
  if (days < 1 || days > MAX_DAYS) throw new AppError('VALIDATION_FAILED', [{ field: path, code: 'out_of_range', params: { min: 1, max: MAX_DAYS } }])
  return days
}

function flag(raw: unknown, path: string): boolean {
  if (raw === 'true' || raw === true) return true
  if (raw === 'false' || raw === false) return false
  throw new AppError('VALIDATION_FAILED', [{ field: path, code: 'expected_boolean' }])
}

/** The opportunity relation that links a deal to records of this object (account_id, contact_id). */
const opportunityLink = (object: ObjectSchema) =>
  opportunity.fields.find((field) => field.type === 'relation' && field.relationKind !== 'many_to_many' && field.target === object.name && !object.custom)

export const BEHAVIOUR_FILTERS: Record<string, BehaviourFilter> = {
  /** No activity for at least (gte) or within fewer than (lt) N days; a record never contacted counts from its creation. */
  $no_activity_days: {
    appliesTo: (object) => !object.custom && object.field('last_activity_at')?.custom === undefined && Boolean(object.field('last_activity_at')),
    operators: ['gte', 'lt'],
    sql(object, op, raw, path, now) {
      const cutoff = new Date(now.getTime() - wholeDays(raw, path) * DAY_MS)
      const last = column(object, 'last_activity_at')
      if (op === 'lt') return sql<boolean>`${last} >= ${cutoff}`
      return sql<boolean>`(${last} < ${cutoff} or (${last} is null and ${column(object, 'created_at')} < ${cutoff}))`
    },
  },
  /** Has (true) or has no (false) opportunity in a stage other than won or lost; uses the opportunities' relation index. */
  $open_opportunity: {
    appliesTo: (object) => Boolean(opportunityLink(object)),
    operators: ['eq'],
    sql(object, _op, raw, path) {
      const link = sql.ref(`o.${opportunityLink(object)!.name}`)
      const exists = sql<boolean>`exists (select 1 from opportunities o where o.workspace_id = ${column(object, 'workspace_id')}
        and ${link} = ${column(object, 'id')} and o.deleted_at is null and not (o.stage = any(${CLOSED_STAGES})))`
      return flag(raw, path) ? exists : sql<boolean>`not ${exists}`
    },
  },
  /** Created by the import with this id (its `import_records` row says `created`). */
  $import: {
    appliesTo: () => true,
    operators: ['eq'],
    sql(object, _op, raw, path) {
      if (!isUuid(raw)) throw new AppError('VALIDATION_FAILED', [{ field: path, code: 'invalid_id' }])
      return sql<boolean>`exists (select 1 from import_records ir where ir.workspace_id = ${column(object, 'workspace_id')}
        and ir.import_id = ${raw.toLowerCase()} and ir.record_id = ${column(object, 'id')} and ir.action = 'created')`
    },
  },
}

/** Names of the behavioural conditions an object offers, for the filter builder. */
export const behaviourConditionsOf = (object: ObjectSchema) =>
  Object.entries(BEHAVIOUR_FILTERS).filter(([, filter]) => filter.appliesTo(object)).map(([name, filter]) => ({ name, operators: filter.operators }))

/** `filter[$name][op]=value` → SQL conditions; errors are collected like the field filters'. */
export function behaviourConditions(object: ObjectSchema, name: string, spec: unknown, now: Date, errors: FieldError[]): RawBuilder<boolean>[] {
  const path = `filter.${name}`.slice(0, 200)
  const filter = Object.hasOwn(BEHAVIOUR_FILTERS, name) ? BEHAVIOUR_FILTERS[name] : undefined
  if (!filter || !filter.appliesTo(object)) {
    errors.push({ field: path, code: 'unknown_field' })
    return []
  }
  const entries = typeof spec === 'object' && spec !== null && !Array.isArray(spec) ? Object.entries(spec) : [['eq', spec] as const]
  const conditions: RawBuilder<boolean>[] = []
  for (const [op, raw] of entries) {
    const opPath = `${path}.${op}`.slice(0, 200)
    if (!filter.operators.includes(op)) {
      errors.push({ field: opPath, code: 'invalid_operator', params: { operator: op.slice(0, 40), allowed: filter.operators.join(', ') } })
      continue
    }
    if (typeof raw === 'object' && raw !== null) {
      errors.push({ field: opPath, code: 'expected_text' })
      continue
    }
    try {
      conditions.push(filter.sql(object, op, raw, opPath, now))
    } catch (error) {
      if (error instanceof AppError) errors.push(...error.fields)
      else throw error
    }
  }
  return conditions
}
