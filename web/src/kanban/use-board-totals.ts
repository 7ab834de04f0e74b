import { useQuery } from '@tanstack/react-query'
import type { FieldMeta, ObjectMeta } from '../metadata/types.ts'
import type { Filter } from '../api/records.ts'
import { aggregateKey, fetchAggregate, type AggregateQuery, type AggregateResult, type SumByCurrency } from '../api/aggregate.ts'
import { amountField, NO_VALUE } from './board-fields.ts'

export interface ColumnTotal {
  count: number
  sums?: SumByCurrency
}

export const totalsQuery = (object: ObjectMeta, field: FieldMeta, scope?: Filter): AggregateQuery => ({ filter: scope, groupBy: field.name, sum: amountField(object)?.name })

/** Count and amount of every column in one request, keyed by option value (NO_VALUE for empty). */
export function useBoardTotals(object: ObjectMeta, field: FieldMeta, scope?: Filter) {
  const query = totalsQuery(object, field, scope)
  return useQuery({
    queryKey: aggregateKey(object.name, query),
    queryFn: ({ signal }) => fetchAggregate(object.name, query, signal),
    select: (result: AggregateResult) => {
      const byValue: Record<string, ColumnTotal> = {}
      for (const group of result.groups ?? []) byValue[group.value == null ? NO_VALUE : String(group.value)] = { count: group.count, sums: group.sum_by_currency }
      return byValue
    },
  })
}
