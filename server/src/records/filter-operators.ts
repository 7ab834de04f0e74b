import { sql, type RawBuilder } from 'kysely'
import { isListField } from '../metadata/field-sql.ts'
import type { FieldDefinition } from '../metadata/object-definition.ts'

export const OPERATORS = [
  'eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'nin', 'contains', 'starts_with',
  'is_empty', 'is_not_empty', 'has_any', 'has_all', 'relative',
] as const
export type OperatorName = (typeof OPERATORS)[number]

/** How many operands an operator takes from the query string. */
export type OperandShape = 'one' | 'list' | 'pair' | 'none' | 'relative'

export const OPERAND_SHAPE: Record<OperatorName, OperandShape> = {
  eq: 'one', neq: 'one', gt: 'one', gte: 'one', lt: 'one', lte: 'one', contains: 'one', starts_with: 'one',
  between: 'pair', in: 'list', nin: 'list', has_any: 'list', has_all: 'list',
  is_empty: 'none', is_not_empty: 'none', relative: 'relative',
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`)

/** SQL of one filter condition on a field's expression with already-parsed operands. */
export function operatorSql(op: OperatorName, expr: RawBuilder<unknown>, operands: unknown[], field: FieldDefinition): RawBuilder<boolean> {
  const [first, second] = operands
  const jsonList = isListField(field) && field.custom
  switch (op) {
    case 'eq': return sql`${expr} = ${first}`
    case 'neq': return sql`(${expr} is distinct from ${first})`
    case 'gt': return sql`${expr} > ${first}`
    case 'gte': return sql`${expr} >= ${first}`
    case 'lt': return sql`${expr} < ${first}`
    case 'lte': return sql`${expr} <= ${first}`
    case 'between':
    case 'relative': return sql`(${expr} >= ${first} and ${expr} < ${second})`
    case 'in': return sql`${expr} = any(${operands})`
    case 'nin': return sql`(${expr} is null or not (${expr} = any(${operands})))`
    case 'contains': {
      const target = field.type === 'address' ? sql`(${expr})::text` : expr
      return sql`${target} ilike ${`%${escapeLike(String(first))}%`}`
    }
    case 'starts_with': return sql`${expr} like ${`${escapeLike(String(first))}%`}`
    case 'has_any': return jsonList ? sql`${expr} ?| ${operands}::text[]` : sql`${expr} && ${operands}`
    case 'has_all': return jsonList ? sql`${expr} ?& ${operands}::text[]` : sql`${expr} @> ${operands}`
    case 'is_empty':
      if (isListField(field)) return jsonList ? sql`(${expr} is null or ${expr} = '[]'::jsonb)` : sql`(${expr} is null or cardinality(${expr}) = 0)`
      return field.type === 'address' ? sql`(${expr} is null or ${expr} = '{}'::jsonb)` : sql`${expr} is null`
    case 'is_not_empty':
      if (isListField(field)) return jsonList ? sql`(${expr} is not null and ${expr} <> '[]'::jsonb)` : sql`cardinality(${expr}) > 0`
      return field.type === 'address' ? sql`(${expr} is not null and ${expr} <> '{}'::jsonb)` : sql`${expr} is not null`
  }
}
