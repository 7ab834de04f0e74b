import { useQuery } from '@tanstack/react-query'
import { recordsApi } from '../api/records.ts'

/** Key of one record; RecordForm and inline edits refresh it, and its timeline below it. */
export const recordKey = (object: string, id: string) => ['record', object, id] as const
export const timelineKey = (object: string, id: string) => ['record', object, id, 'timeline'] as const

export function useRecord(object: string, id: string) {
  return useQuery({ queryKey: recordKey(object, id), queryFn: () => recordsApi.get(object, id) })
}

export function useTimeline(object: string, id: string) {
  return useQuery({ queryKey: timelineKey(object, id), queryFn: () => recordsApi.timeline(object, id).then((response) => response.data) })
}
