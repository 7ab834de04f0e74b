import { useQuery } from '@tanstack/react-query'
import { request } from '../api/client.ts'
import type { FieldMeta, ObjectMeta } from './types.ts'

export const metadataKey = ['metadata'] as const
export const METADATA_STALE_MS = 60_000

export const fetchMetadata = () => request<{ data: ObjectMeta[] }>('/api/metadata/objects').then((response) => response.data)

/** Every object the caller may read, with fields and permissions; refreshed when an admin changes metadata. */
export function useMetadata() {
  return useQuery({
    queryKey: metadataKey,
    queryFn: fetchMetadata,
    staleTime: METADATA_STALE_MS,
  })
}

export function useObjectMeta(name: string | undefined): ObjectMeta | undefined {
  const { data } = useMetadata()
  return data?.find((object) => object.name === name)
}

export const fieldOf = (object: ObjectMeta, name: string): FieldMeta | undefined => object.fields.find((field) => field.name === name)
