import type { RawBuilder } from 'kysely'
import { AppError, type FieldError } from '../errors/app-error.ts'
import { fieldTypes } from '../metadata/field-types/index.ts'
import { fieldExpression } from '../metadata/field-sql.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import type { FieldDefinition } from '../metadata/object-definition.ts'
import { behaviourConditions } from '../segments/behaviour-filters.ts'
import { OPERAND_SHAPE, operatorSql, type OperatorName } from './filter-operators.ts'
import { RELATIVE_PERIODS, relativeDateRange, relativeRange, type RelativePeriod } from './relative-dates.ts'

const MAX_LIST_OPERANDS = 500

/** Operators a field offers: its type's, narrowed for list-valued relations. */
export function operatorsOf(field: FieldDefinition): readonly OperatorName[] {
  const operators = fieldTypes[field.type].operators
  if (field.type !== 'relation') return operators
  const list = field.relationKind === 'many_to_many'
  return operators.filter((op) => (list ? ['has_any', 'has_all', 'is_empty', 'is_not_empty'] : ['eq', 'neq', 'in', 'is_empty', 'is_not_empty']).includes(op))
}

function splitList(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.map(String)
  return String(raw).split(',').map((item) => item.trim()).filter((item) => item.length > 0)
}

function operands(op: OperatorName, raw: unknown, field: FieldDefinition, path: string, now: Date): unknown[] {
  const type = fieldTypes[field.type]
  const parseOne = (text: string): unknown => {
    const checked = type.parseOperand(text, field)
    if (!checked.ok) throw new AppError('VALIDATION_FAILED', [{ field: path, ...checked.issue }])
    return checked.value
  }
  const shape = OPERAND_SHAPE[op]
  if (shape === 'none') return []
  if (shape === 'relative') {
    const period = String(raw) as RelativePeriod
    if (!RELATIVE_PERIODS.includes(period)) throw new AppError('VALIDATION_FAILED', [{ field: path, code: 'invalid_relative', params: { allowed: RELATIVE_PERIODS.join(', ') } }])
    return field.type === 'date' ? relativeDateRange(period, now) : relativeRange(period, now).map((date) => date.toISOString())
  }
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) throw new AppError('VALIDATION_FAILED', [{ field: path, code: 'expected_text' }])
  if (shape === 'one') {
    if (Array.isArray(raw)) throw new AppError('VALIDATION_FAILED', [{ field: path, code: 'too_many_values', params: { max: 1 } }])
    return [op === 'contains' || op === 'starts_with' ? String(raw) : parseOne(String(raw))]
  }
  const items = splitList(raw)
  if (shape === 'pair') {
    if (items.length !== 2) throw new AppError('VALIDATION_FAILED', [{ field: path, code: 'expected_two_values' }])
    return items.map(parseOne)
  }
  if (items.length === 0 || items.length > MAX_LIST_OPERANDS) {
    throw new AppError('VALIDATION_FAILED', [{ field: path, code: 'too_many_values', params: { max: MAX_LIST_OPERANDS } }])
  }
  return items.map(parseOne)
}

/**
 * `filter[field][op]=value` (or `filter[field]=value` for eq) → SQL conditions, each checked
 * against the field's type: unknown fields, operators and bad operands are 400s naming the filter.
 */
export function parseFilters(object: ObjectSchema, filter: unknown, now: Date): RawBuilder<boolean>[] {
  if (filter === undefined) return []
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw new AppError('VALIDATION_FAILED', [{ field: 'filter', code: 'expected_object' }])
  }
  const conditions: RawBuilder<boolean>[] = []
  const errors: FieldError[] = []
  for (const [name, spec] of Object.entries(filter as Record<string, unknown>)) {
    const path = `filter.${name}`
    // `$name` pseudo-fields are the behavioural conditions of dynamic segments.
    if (name.startsWith('$')) {
      conditions.push(...behaviourConditions(object, name, spec, now, errors))
      continue
    }
    const field = object.field(name)
    if (!field) {
      errors.push({ field: path, code: 'unknown_field' })
      continue
    }
    const entries = typeof spec === 'object' && spec !== null && !Array.isArray(spec) ? Object.entries(spec) : [['eq', spec] as const]
    for (const [opName, raw] of entries) {
      const allowed = operatorsOf(field)
      if (!(allowed as readonly string[]).includes(opName)) {
        errors.push({ field: `${path}.${opName}`.slice(0, 200), code: 'invalid_operator', params: { operator: opName.slice(0, 40), allowed: allowed.join(', ') } })
        continue
      }
      const op = opName as OperatorName
      try {
        conditions.push(operatorSql(op, fieldExpression(field), operands(op, raw, field, `${path}.${op}`, now), field))
      } catch (error) {
        if (error instanceof AppError) errors.push(...error.fields)
        else throw error
      }
    }
  }
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
  return conditions
}
