import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import { recordsApi, type ApiRecord, type Filter } from '../api/records.ts'
import type { FieldMeta, ObjectMeta } from '../metadata/types.ts'
import { aggregateKey, type AggregateResult } from '../api/aggregate.ts'
import { amountField, NO_VALUE } from './board-fields.ts'
import { addDecimal } from './decimal.ts'
import { columnKey, type ColumnData } from './use-board-column.ts'
import { totalsQuery } from './use-board-totals.ts'
import type { MissingFields } from './MoveFieldsDialog.tsx'

export interface Move {
  record: ApiRecord
  from: string
  to: string
  /** Other fields the new column requires, given in the dialog that asked for them. */
  extra?: Record<string, unknown>
}

/** The other fields a refused move names (422: a rule of the new column), when the user can fill them all in. */
function missingFieldsOf(error: unknown, object: ObjectMeta, field: FieldMeta): MissingFields | undefined {
  if (!(error instanceof ApiError) || error.status !== 422 || error.fields.length === 0) return undefined
  const fields = error.fields.map((issue) => ({ field: object.fields.find((candidate) => candidate.name === issue.field), reason: issue.message }))
  if (fields.some(({ field: named }) => !named || named.name === field.name || named.readOnly)) return undefined
  return { fields: fields as MissingFields['fields'] }
}

const withoutCard = (data: ColumnData | undefined, id: string) =>
  data && { ...data, pages: data.pages.map((page) => ({ ...page, data: page.data.filter((record) => record.id !== id) })) }

const withCard = (data: ColumnData | undefined, record: ApiRecord) =>
  data && { ...data, pages: data.pages.map((page, index) => ({ ...page, data: index === 0 ? [record, ...page.data.filter((other) => other.id !== record.id)] : page.data.filter((other) => other.id !== record.id) })) }

type Money = { amount: string; currency: string } | null

function shiftTotals(totals: AggregateResult | undefined, move: Move, money: Money): AggregateResult | undefined {
  if (!totals?.groups) return totals
  const groups = totals.groups.map((group) => ({ ...group }))
  const groupOf = (value: string) => {
    const key = value === NO_VALUE ? null : value
    let group = groups.find((candidate) => candidate.value === key)
    if (!group) groups.push((group = { value: key, count: 0, sum: null, sum_by_currency: {} }))
    return group
  }
  const from = groupOf(move.from)
  const to = groupOf(move.to)
  from.count -= 1
  to.count += 1
  if (money) {
    from.sum = addDecimal(from.sum, money.amount, -1)
    to.sum = addDecimal(to.sum, money.amount)
    const { currency } = money
    from.sum_by_currency = { ...from.sum_by_currency, [currency]: addDecimal(from.sum_by_currency?.[currency], money.amount, -1) }
    to.sum_by_currency = { ...to.sum_by_currency, [currency]: addDecimal(to.sum_by_currency?.[currency], money.amount) }
  }
  return { ...totals, groups }
}

/**
 * Moves a card to another column at once, then saves with the version it was read at. When the
 * server refuses (stale version, no permission, invalid value) the card and totals go back and the
 * server's reason is shown — or, when the new column needs other fields filled in (a won deal's
 * reason), `onMissing` is asked for them and the move can be made again with them.
 */
export function useMoveCard(object: ObjectMeta, field: FieldMeta, scope?: Filter, onMissing?: (move: Move, missing: MissingFields) => void) {
  const client = useQueryClient()
  const { message } = App.useApp()
  const { t } = useTranslation('kanban')
  const totalsKey = aggregateKey(object.name, totalsQuery(object, field, scope))
  const keyOf = (value: string) => columnKey(object.name, field.name, value, scope)
  const amount = amountField(object)
  return useMutation({
    mutationFn: (move: Move) => recordsApi.update(object.name, move.record.id, move.record.version, { ...move.extra, [field.name]: move.to === NO_VALUE ? null : move.to }),
    onMutate: async (move) => {
      await Promise.all([client.cancelQueries({ queryKey: keyOf(move.from) }), client.cancelQueries({ queryKey: keyOf(move.to) }), client.cancelQueries({ queryKey: totalsKey })])
      const snapshot = {
        from: client.getQueryData<ColumnData>(keyOf(move.from)),
        to: client.getQueryData<ColumnData>(keyOf(move.to)),
        totals: client.getQueryData<AggregateResult>(totalsKey),
      }
      const moved = { ...move.record, [field.name]: move.to === NO_VALUE ? null : move.to }
      client.setQueryData(keyOf(move.from), withoutCard(snapshot.from, move.record.id))
      client.setQueryData(keyOf(move.to), withCard(snapshot.to, moved))
      const money = amount ? ((move.record[amount.name] as Money) ?? null) : null
      client.setQueryData(totalsKey, shiftTotals(snapshot.totals, move, money))
      return snapshot
    },
    onSuccess: (saved, move) => {
      client.setQueryData(keyOf(move.to), (data: ColumnData | undefined) => withCard(data, { ...move.record, ...saved }))
    },
    onError: (error, move, snapshot) => {
      if (snapshot) {
        client.setQueryData(keyOf(move.from), snapshot.from)
        client.setQueryData(keyOf(move.to), snapshot.to)
        client.setQueryData(totalsKey, snapshot.totals)
      }
      const missing = onMissing && missingFieldsOf(error, object, field)
      if (missing) onMissing(move, missing)
      else message.error(error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : t('moveFailed'))
      // The card may have changed on the server: read it again so the next try has its version.
      void client.invalidateQueries({ queryKey: keyOf(move.from) })
    },
    onSettled: () => client.invalidateQueries({ queryKey: totalsKey }),
  })
}
