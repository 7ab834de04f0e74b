import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query'
import { recordsApi, type Filter, type ListPage } from '../api/records.ts'
import type { FieldMeta, ObjectMeta } from '../metadata/types.ts'
import { amountField, cardLinkFields, NO_VALUE } from './board-fields.ts'

const PAGE_SIZE = 20

export type ColumnData = InfiniteData<ListPage, string | null>

/** `scope` narrows the whole board (the opportunities of one pipeline). */
export const columnKey = (object: string, field: string, value: string, scope?: Filter) => ['records', object, 'board', field, value, scope ?? null] as const

export const columnFilter = (field: FieldMeta, value: string): Filter =>
  value === NO_VALUE ? { [field.name]: { is_empty: 'true' } } : { [field.name]: { eq: value } }

/** The cards of one column, a keyset page at a time ("load more"). */
export function useBoardColumn(object: ObjectMeta, field: FieldMeta, value: string, scope?: Filter) {
  const fields = [object.titleField, field.name, ...cardLinkFields(object).map((link) => link.name)]
  const amount = amountField(object)
  if (amount) fields.push(amount.name)
  return useInfiniteQuery({
    queryKey: columnKey(object.name, field.name, value, scope),
    initialPageParam: null as string | null,
    getNextPageParam: (page: ListPage) => page.next_cursor,
    queryFn: ({ pageParam, signal }) =>
      recordsApi.list(object.name, { filter: { ...scope, ...columnFilter(field, value) }, cursor: pageParam, limit: PAGE_SIZE, fields: [...new Set(fields)], sort: object.defaultSort }, signal),
  })
}
