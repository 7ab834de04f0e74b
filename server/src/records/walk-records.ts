import type { ObjectSchema } from '../metadata/object-catalog.ts'
import { listRecords, type ListOptions } from './list-records.ts'
import type { RecordContext } from './record-context.ts'
import type { ApiRecord } from './row-mapping.ts'

/**
 * Every record a list query matches, chunk by chunk, through the same scoped keyset pages as the
 * list endpoint: memory stays at one chunk however many rows match.
 */
export async function* walkRecords(ctx: RecordContext, object: ObjectSchema, options: Omit<ListOptions, 'cursor' | 'limit'>, chunkSize = 2000): AsyncGenerator<ApiRecord[]> {
  let cursor: string | undefined
  do {
    const page = await listRecords(ctx, object, { ...options, cursor, limit: chunkSize, maxLimit: chunkSize })
    if (page.data.length > 0) yield page.data
    cursor = page.next_cursor ?? undefined
  } while (cursor)
}
