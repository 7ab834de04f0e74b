import { sql } from 'kysely'
import { AppError } from '../errors/app-error.ts'
import type { Db } from '../db/database.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import type { RecordContext } from '../records/record-context.ts'
import { recordColumns, rowToRecord } from '../records/row-mapping.ts'
import { scopedSelect } from '../records/scoped-query.ts'
import { createRecords, updateRecords } from '../records/write-pipeline.ts'
import { reasonsFromError, type ImportSettings, type RowPlan } from './import-plan.ts'

export interface BatchCounts {
  created: number
  updated: number
  skipped: number
  rejected: number
}

/** Runs `work` so that its failure undoes only its own writes, not the batch's transaction. */
export async function inSavepoint<T>(trx: Db, work: () => Promise<T>): Promise<T> {
  await sql`savepoint import_row`.execute(trx)
  try {
    const result = await work()
    await sql`release savepoint import_row`.execute(trx)
    return result
  } catch (error) {
    await sql`rollback to savepoint import_row`.execute(trx)
    throw error
  }
}

const INDEX_PATH = /^create\[(\d+)\]\./

/** Why the pipeline refused a row; a database error (a constraint, say) names no field. */
function refusal(error: unknown, object: ObjectSchema, settings: ImportSettings, prefix: string) {
  return error instanceof AppError ? reasonsFromError(error, object, settings, prefix) : [{ field: '', code: 'write_failed' }]
}

// One row at a time, each in its own savepoint: the fallback when a bulk write fails without naming its row.
async function createOneByOne(ctx: RecordContext, trx: Db, object: ObjectSchema, settings: ImportSettings, pending: RowPlan[]): Promise<void> {
  for (const plan of pending) {
    try {
      await inSavepoint(trx, () => createRecords(ctx, object, [plan.values], { bulk: true, trx, presetIds: [plan.recordId!], returnRecords: false }))
    } catch (error) {
      Object.assign(plan, { action: 'reject', reasons: refusal(error, object, settings, 'create[0].') })
    }
  }
}

async function createAll(ctx: RecordContext, trx: Db, object: ObjectSchema, settings: ImportSettings, plans: RowPlan[]): Promise<void> {
  let pending = plans.filter((plan) => plan.action === 'create')
  while (pending.length > 0) {
    try {
      await inSavepoint(trx, () => createRecords(ctx, object, pending.map((plan) => plan.values), { bulk: true, trx, presetIds: pending.map((plan) => plan.recordId!), returnRecords: false }))
      return
    } catch (error) {
      const failed = error instanceof AppError
        ? new Set(error.fields.map((field) => INDEX_PATH.exec(field.field)?.[1]).filter((index) => index !== undefined).map(Number))
        : new Set<number>()
      if (failed.size === 0) return createOneByOne(ctx, trx, object, settings, pending)
      pending.forEach((plan, index) => {
        if (failed.has(index)) Object.assign(plan, { action: 'reject', reasons: refusal(error, object, settings, `create[${index}].`) })
      })
      pending = pending.filter((plan) => plan.action === 'create')
    }
  }
}

/**
 * Writes one batch's plans through the write pipeline (creates in bulk, then updates one by one) and
 * records what each row did. A row the pipeline refuses is rejected without undoing the others.
 */
export async function executePlans(ctx: RecordContext, trx: Db, object: ObjectSchema, importId: string, settings: ImportSettings, plans: RowPlan[]): Promise<BatchCounts> {
  const workspaceId = ctx.actor.workspaceId
  await createAll(ctx, trx, object, settings, plans)
  // Built whole, not `{ ...row, workspace_id, … }`: that spread gives each row its own hidden class on Node 20.
  const touchedRow = (recordId: string, action: string, before: string | null) => ({ workspace_id: workspaceId, import_id: importId, object: object.name, record_id: recordId, action, before })
  const touched = plans.filter((plan) => plan.action === 'create').map((plan) => touchedRow(plan.recordId!, 'created', null))
  for (const plan of plans.filter((p) => p.action === 'update')) {
    try {
      const before = await inSavepoint(trx, async () => {
        const row = await scopedSelect(ctx, object, { db: trx, write: true }).select(recordColumns(object)).where('id', '=', plan.recordId!).executeTakeFirst()
        if (!row) throw new AppError('NOT_FOUND')
        const record = rowToRecord(object, row)
        await updateRecords(ctx, object, [{ id: plan.recordId!, input: plan.values }], { trx })
        return Object.fromEntries(Object.keys(plan.values!).map((name) => [name, record[name] ?? null]))
      })
      touched.push(touchedRow(plan.recordId!, 'updated', JSON.stringify(before)))
    } catch (error) {
      Object.assign(plan, { action: 'reject', reasons: refusal(error, object, settings, '') })
    }
  }
  if (touched.length > 0) {
    await trx.insertInto('import_records')
      .values(touched)
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
  const rejected = plans.filter((plan) => plan.action === 'reject')
  if (rejected.length > 0) {
    await trx.insertInto('import_rejections')
      .values(rejected.map((plan) => ({
        workspace_id: workspaceId, import_id: importId, row_number: plan.row.number,
        cells: JSON.stringify(plan.row.cells), reasons: JSON.stringify(plan.reasons ?? []),
      })))
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
  return {
    created: plans.filter((plan) => plan.action === 'create').length,
    updated: plans.filter((plan) => plan.action === 'update').length,
    skipped: plans.filter((plan) => plan.action === 'skip').length,
    rejected: rejected.length,
  }
}
