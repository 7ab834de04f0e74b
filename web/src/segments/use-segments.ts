import { useQuery } from '@tanstack/react-query'
import { request } from '../api/client.ts'
import { registerMessages } from '../i18n/register-messages.ts'
import { segmentsMessages } from './messages.ts'

registerMessages('segments', segmentsMessages)

export interface SegmentSummary {
  id: string
  name: string
  filter: string | null
  shared: boolean
  /** Records matching now; null when the saved filter no longer applies (a deleted field). */
  count: number | null
}

/** The object's segments with live counts; refreshed with the object's records. */
export function useSegmentCounts(object: string) {
  return useQuery({
    queryKey: ['records', object, 'segments'],
    staleTime: 30_000,
    queryFn: () => request<{ segments: SegmentSummary[] }>(`/api/v1/${encodeURIComponent(object)}/segments`),
    select: (body) => new Map(body.segments.map((segment) => [segment.id, segment.count])),
  })
}
