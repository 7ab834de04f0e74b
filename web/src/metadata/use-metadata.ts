import { useQuery } from '@tanstack/react-query'
import { request } from '../api/client.ts'
import type { FieldMeta, ObjectMeta } from './types.ts'

export const metadataKey = ['metadata'] as const

/** Every object the caller may read, with fields and permissions; refreshed when an admin changes metadata. */
export function useMetadata() {
  return useQuery({
    queryKey: metadataKey,
    queryFn: () => request<{ data: ObjectMeta[] }>('/api/metadata/objects').then((response) => response.data),
    staleTime: 60_000,
  })
}

export function useObjectMeta(name: string | undefined): ObjectMeta | undefined {
  const { data } = useMetadata()
  return data?.find((object) => object.name === name)
}

export const fieldOf = (object: ObjectMeta, name: string): FieldMeta | undefined => object.fields.find((field) => field.name === name)
