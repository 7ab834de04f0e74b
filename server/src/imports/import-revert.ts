import { AppError } from '../errors/app-error.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import type { RecordContext } from '../records/record-context.ts'
import { scopedSelect } from '../records/scoped-query.ts'
import { setDeleted, updateRecords } from '../records/write-pipeline.ts'
import type { ImportRow } from './import-store.ts'

const PAGE = 500

/**
 * Undoes a finished or cancelled import in one transaction: records it created go to the recycle bin,
 * records it updated get back the values they had before. Records deleted since are left alone.
 */
export async function revertImport(ctx: RecordContext, object: ObjectSchema, row: ImportRow): Promise<{ deleted: number; restored: number }> {
  if (!['done', 'cancelled', 'failed'].includes(row.status)) throw new AppError('CONFLICT', [{ field: 'status', code: 'import_not_finished' }])
  return ctx.db.transaction().execute(async (trx) => {
    const scoped = { ...ctx, db: trx }
    let deleted = 0
    let restored = 0
    let after = '00000000-0000-0000-0000-000000000000'
    for (;;) {
      const page = await trx.selectFrom('import_records').select(['record_id', 'action', 'before'])
        .where('workspace_id', '=', row.workspace_id).where('import_id', '=', row.id).where('record_id', '>', after)
        .orderBy('record_id').limit(PAGE).execute()
      if (page.length === 0) break
      const live = new Set((await scopedSelect(scoped, object, { db: trx }).select('id').where('id', 'in', page.map((r) => r.record_id)).execute()).map((r) => r.id as string))
      for (const record of page.filter((r) => live.has(r.record_id))) {
        if (record.action === 'created') {
          await setDeleted(scoped, object, record.record_id, true, undefined, { trx })
          deleted++
        } else {
          await updateRecords(scoped, object, [{ id: record.record_id, input: record.before }], { trx })
          restored++
        }
      }
      after = page[page.length - 1].record_id
    }
    await trx.updateTable('imports').set({ status: 'reverted', updated_at: new Date() })
      .where('workspace_id', '=', row.workspace_id).where('id', '=', row.id).execute()
    return { deleted, restored }
  })
}
