import { useEffect, useState } from 'react'
import { fieldOf } from '../metadata/use-metadata.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { initialListState, type ListState } from './list-state.ts'

const storageKey = (object: string) => `rapport.list.${object}`

/** Drops what the metadata no longer has (a deleted custom field) from a remembered state. */
function sanitize(object: ObjectMeta, state: ListState): ListState {
  const columns = state.columns.filter((name) => fieldOf(object, name))
  return {
    ...state,
    q: '',
    columns: columns.length > 0 ? columns : initialListState(object).columns,
    conditions: state.conditions.filter((condition) => fieldOf(object, condition.field)),
    sort: state.sort && fieldOf(object, state.sort.replace(/^-/, ''))?.sortable ? state.sort : undefined,
  }
}

/** The list state this browser last used for the object (filters, sort, columns), or the defaults. */
export function remembered(object: ObjectMeta): ListState {
  try {
    const saved = localStorage.getItem(storageKey(object.name))
    if (saved) return sanitize(object, JSON.parse(saved) as ListState)
  } catch {
    // a broken entry: start fresh
  }
  return initialListState(object)
}

/** The list's filters, sort and columns, remembered per object in this browser (the quick search is not). */
export function useListState(object: ObjectMeta) {
  const [state, setState] = useState(() => remembered(object))
  useEffect(() => {
    const { q: _q, ...kept } = state
    localStorage.setItem(storageKey(object.name), JSON.stringify(kept))
  }, [object.name, state])
  return [state, setState] as const
}
