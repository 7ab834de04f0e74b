import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { recordsApi, type ApiRecord, type Filter } from '../api/records.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { defaultColumns, fromFilter, toFilter, type ListState } from './list-state.ts'

/** A saved table view as the `views` object stores it (filter, columns as JSON text). */
export interface SavedView extends ApiRecord {
  name: string
  object: string
  kind: 'table' | 'kanban' | 'segment'
  filter: string | null
  sort: string | null
  columns: string | null
  shared: boolean | null
  owner_id: string
}

const viewsKey = (object: string) => ['records', 'views', 'saved', object] as const

/** The caller's own views of an object and the ones others shared (the server decides which). */
export function useSavedViews(object: ObjectMeta) {
  return useQuery({
    queryKey: viewsKey(object.name),
    staleTime: 30_000,
    queryFn: async () =>
      (await recordsApi.list('views', { filter: { object: { eq: object.name }, kind: { in: ['table', 'segment'] } }, sort: 'name', limit: 200 })).data as SavedView[],
  })
}

function parseJson<T>(text: string | null, fallback: T): T {
  try {
    return text ? (JSON.parse(text) as T) : fallback
  } catch {
    return fallback
  }
}

export function stateOfView(object: ObjectMeta, view: SavedView): ListState {
  const columns = parseJson<string[]>(view.columns, []).filter((name) => object.fields.some((field) => field.name === name))
  return {
    conditions: fromFilter(object, parseJson<Filter>(view.filter, {})),
    sort: view.sort || undefined,
    columns: columns.length > 0 ? columns : defaultColumns(object),
    q: '',
    viewId: view.id,
  }
}

export const viewValues = (object: ObjectMeta, state: ListState) => ({
  filter: JSON.stringify(toFilter(object, state.conditions)),
  sort: state.sort ?? null,
  columns: JSON.stringify(state.columns),
})

/** Whether the list still shows exactly what the view saved. */
export function matchesView(object: ObjectMeta, state: ListState, view: SavedView): boolean {
  const current = viewValues(object, state)
  const saved = viewValues(object, stateOfView(object, view))
  return current.filter === saved.filter && current.sort === saved.sort && current.columns === saved.columns
}

export function useViewMutations(object: ObjectMeta) {
  const client = useQueryClient()
  const refresh = () => Promise.all([
    client.invalidateQueries({ queryKey: ['records', 'views'] }),
    client.invalidateQueries({ queryKey: ['records', object.name, 'segments'] }),
  ])
  return {
    create: useMutation({
      mutationFn: (input: { name: string; shared: boolean; state: ListState; segment?: boolean }) =>
        recordsApi.create('views', { name: input.name, shared: input.shared, object: object.name, kind: input.segment ? 'segment' : 'table', ...viewValues(object, input.state) }) as Promise<SavedView>,
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: (input: { view: SavedView; shared: boolean; state: ListState }) =>
        recordsApi.update('views', input.view.id, input.view.version, { shared: input.shared, ...viewValues(object, input.state) }) as Promise<SavedView>,
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (view: SavedView) => recordsApi.remove('views', view.id, view.version),
      onSuccess: refresh,
    }),
  }
}
