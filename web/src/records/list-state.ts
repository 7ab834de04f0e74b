import type { Filter } from '../api/records.ts'
import { isEmptyValue } from '../fields/is-empty-value.ts'
import { fieldOf } from '../metadata/use-metadata.ts'
import type { FieldMeta, ObjectMeta } from '../metadata/types.ts'
import { filterFieldOf } from '../segments/behaviour-fields.ts'

/** One row of the filter builder: a field, one of its operators and an operand in FieldInput's shape. */
export interface Condition {
  key: string
  field: string
  op: string
  value: unknown
}

/** What a list shows: the part a saved view keeps (conditions, sort, columns) plus the quick search. */
export interface ListState {
  conditions: Condition[]
  /** `field` or `-field`; undefined → the object's default sort. */
  sort?: string
  columns: string[]
  q: string
  /** The saved view the state came from, if any. */
  viewId?: string
}

const LIST_OPS = new Set(['in', 'nin', 'has_any', 'has_all'])
const NO_VALUE_OPS = new Set(['is_empty', 'is_not_empty'])
export const operandShape = (op: string) =>
  NO_VALUE_OPS.has(op) ? 'none' : LIST_OPS.has(op) ? 'list' : op === 'between' ? 'pair' : op === 'relative' ? 'relative' : 'one'

let sequence = 0
export const newConditionKey = () => `c${Date.now().toString(36)}${(sequence++).toString(36)}`

/** A FieldInput value as the text of a filter operand. */
function operandText(field: FieldMeta, value: unknown): string {
  if (field.type === 'currency' && typeof value === 'object' && value !== null) return String((value as { amount: string }).amount)
  return String(value)
}

/** The text of a filter operand back in FieldInput's shape (saved views keep the server's filter shape). */
function operandValue(field: FieldMeta, text: string): unknown {
  switch (field.type) {
    case 'number': case 'percent': case 'rating': case 'auto_number': return Number(text)
    case 'currency': return { amount: text, currency: 'CNY' }
    case 'boolean': return text === 'true'
    default: return text
  }
}

export function isComplete(condition: Condition): boolean {
  const shape = operandShape(condition.op)
  if (shape === 'none') return true
  if (shape === 'pair') return Array.isArray(condition.value) && condition.value.length === 2 && condition.value.every((part) => !isEmptyValue(part))
  return !isEmptyValue(condition.value)
}

/** Complete conditions as the list endpoint's `filter[field][op]`. */
export function toFilter(object: ObjectMeta, conditions: Condition[]): Filter {
  const filter: Filter = {}
  for (const condition of conditions) {
    const field = filterFieldOf(object, condition.field)
    if (!field || !field.operators.includes(condition.op) || !isComplete(condition)) continue
    const shape = operandShape(condition.op)
    const operand = shape === 'none' ? 'true'
      : shape === 'list' || shape === 'pair' ? (condition.value as unknown[]).map((item) => operandText(field, item))
        : operandText(field, condition.value)
    filter[field.name] = { ...filter[field.name], [condition.op]: operand }
  }
  return filter
}

export function fromFilter(object: ObjectMeta, filter: Filter): Condition[] {
  const conditions: Condition[] = []
  for (const [name, operators] of Object.entries(filter)) {
    const field = filterFieldOf(object, name)
    if (!field) continue
    for (const [op, operand] of Object.entries(operators)) {
      const shape = operandShape(op)
      const value = shape === 'none' ? null
        : Array.isArray(operand) ? operand.map((item) => operandValue(field, item))
          : shape === 'relative' ? operand : operandValue(field, operand)
      conditions.push({ key: newConditionKey(), field: name, op, value })
    }
  }
  return conditions
}

const WIDE_TYPES = new Set(['long_text', 'rich_text', 'address', 'file'])

/** Columns a list starts with: the title, a handful of key fields, the owner. */
export function defaultColumns(object: ObjectMeta): string[] {
  const key = object.fields.filter((field) => !field.system && field.name !== object.titleField && !WIDE_TYPES.has(field.type)).slice(0, 5)
  return [object.titleField, ...key.map((field) => field.name), ...(object.owned ? ['owner_id'] : [])]
}

/** Fields a phone card shows under the title. */
export const cardFields = (object: ObjectMeta, columns: string[]) =>
  columns.filter((name) => name !== object.titleField && !WIDE_TYPES.has(fieldOf(object, name)?.type ?? 'long_text')).slice(0, 3)

export const initialListState = (object: ObjectMeta): ListState => ({ conditions: [], columns: defaultColumns(object), q: '' })
