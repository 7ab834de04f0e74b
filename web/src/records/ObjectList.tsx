import { Flex } from 'antd'
import { Suspense, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiRecord } from '../api/records.ts'
import { markFirstContent } from '../app/first-content.ts'
import { lazyNamed } from '../app/lazy-named.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { listRequestOf } from './list-request.ts'
import { ListToolbar } from './ListToolbar.tsx'
import { RecordTable } from './RecordTable.tsx'
import { useListQuery } from './use-list-query.ts'
import { useListState } from './use-list-state.ts'
import { DangerText } from '../app/text.tsx'
import { useIsPhone } from '../app/use-is-phone.ts'

const FilterBuilder = lazyNamed(() => import('./FilterBuilder.tsx'), 'FilterBuilder')
const RecordCards = lazyNamed(() => import('./RecordCards.tsx'), 'RecordCards')
const BulkBar = lazyNamed(() => import('./BulkBar.tsx'), 'BulkBar')
const RecordForm = lazyNamed(() => import('../forms/RecordForm.tsx'), 'RecordForm')

/** The list of one object: toolbar, filters, the table (cards on a phone), bulk actions. */
export function ObjectList({ object }: { object: ObjectMeta }) {
  const { t } = useTranslation('records')
  const phone = useIsPhone()
  const [state, setState] = useListState(object)
  const [filtersOpen, setFiltersOpen] = useState(false)
  const [creating, setCreating] = useState(false)
  const [selected, setSelected] = useState<string[]>([])
  const list = useMemo(() => listRequestOf(object, state), [object, state])
  const filter = list.filter
  const query = useListQuery(object, list)
  const records: ApiRecord[] = useMemo(() => query.data?.pages.flatMap((page) => page.data) ?? [], [query.data])
  const selectedRecords = records.filter((record) => selected.includes(record.id))
  const firstPageIn = query.isSuccess
  useEffect(() => {
    if (firstPageIn) markFirstContent()
  }, [firstPageIn])
  return (
    <Flex vertical gap={12}>
      <ListToolbar object={object} state={state} onChange={setState} filter={filter} rowsIn={query.isSuccess && !query.isPlaceholderData} filtersOpen={filtersOpen}
        onToggleFilters={() => setFiltersOpen((open) => !open)} onCreate={() => setCreating(true)} />
      <Suspense fallback={null}>
        {filtersOpen && (
          <FilterBuilder object={object} conditions={state.conditions} onClose={() => setFiltersOpen(false)}
            onApply={(conditions) => setState((current) => ({ ...current, conditions }))} />
        )}
        {selected.length > 0 && <BulkBar object={object} records={selectedRecords} onDone={() => setSelected([])} />}
      </Suspense>
      {query.isError && <DangerText>{t('loadFailed')}{' '}{query.error.message}</DangerText>}
      {phone
        ? <Suspense fallback={null}><RecordCards object={object} columns={state.columns} query={query} records={records} /></Suspense>
        : <RecordTable object={object} state={state} onChange={setState} list={list} query={query} records={records} selected={selected} onSelect={setSelected} />}
      {creating && <Suspense fallback={null}><RecordForm object={object} open onClose={() => setCreating(false)} /></Suspense>}
    </Flex>
  )
}
