import { assertCan } from '../access/record-access.ts'
import { AppError } from '../errors/app-error.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import type { RecordContext } from './record-context.ts'
import { recordColumns, rowToRecord, type ApiRecord } from './row-mapping.ts'
import { scopedSelect } from './scoped-query.ts'

/** One record the caller may read; out of scope reads as not found, so existence does not leak. */
export async function getRecord(ctx: RecordContext, object: ObjectSchema, id: string, options: { deleted?: boolean } = {}): Promise<ApiRecord> {
  assertCan(ctx.actor, object, 'read')
  if (!isUuid(id)) throw new AppError('NOT_FOUND')
  const row = await scopedSelect(ctx, object, options).select(recordColumns(object)).where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND')
  return rowToRecord(object, row)
}
