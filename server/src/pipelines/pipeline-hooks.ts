import { sql } from 'kysely'
import { callerCache } from '../auth/caller-cache.ts'
import type { Db } from '../db/database.ts'
import { AppError, type FieldError } from '../errors/app-error.ts'
import type { RecordContext } from '../records/record-context.ts'
import { registerHooks, type WriteChange } from '../records/record-hooks.ts'
import { createRecords, updateRecords } from '../records/write-pipeline.ts'
import { forgetStages } from './pipeline-stages.ts'

/** The opportunity stage options derive from the stages: a change reloads the workspace's catalog. */
async function metadataChanged(trx: Db, ctx: RecordContext) {
  forgetStages(trx)
  await sql`update workspaces set metadata_version = metadata_version + 1 where id = ${ctx.actor.workspaceId}`.execute(trx)
  callerCache.forgetWorkspace(ctx.actor.workspaceId)
}

async function opportunitiesIn(trx: Db, ctx: RecordContext, column: 'pipeline_id', id: string, stage?: string): Promise<number> {
  let query = trx.selectFrom('opportunities').select(sql<string>`count(*)`.as('count'))
    .where('workspace_id', '=', ctx.actor.workspaceId).where(column, '=', id).where('deleted_at', 'is', null)
  if (stage !== undefined) query = query.where('stage', '=', stage)
  return Number((await query.executeTakeFirstOrThrow()).count)
}

async function lockPipeline(trx: Db, ctx: RecordContext, id: string) {
  await trx.selectFrom('pipelines').select('id').where('workspace_id', '=', ctx.actor.workspaceId).where('id', '=', id).forUpdate().execute()
}

/** Stages given with a new pipeline (`stages: [...]`), created with it in order; errors name `stages[i].field`. */
async function createStagesOf(trx: Db, ctx: RecordContext, change: WriteChange, pipelineId: string) {
  const stages = change.extra.stages
  if (stages === undefined) return
  if (!Array.isArray(stages) || stages.length > 50) throw new AppError('VALIDATION_FAILED', [{ field: `${change.pathPrefix}stages`, code: 'too_many_items', params: { max: 50 } }])
  const inputs = stages.map((stage, position) => (typeof stage === 'object' && stage !== null ? { position, ...stage, pipeline_id: pipelineId } : stage))
  try {
    await createRecords(ctx, ctx.catalog.get('pipeline_stages'), inputs, { trx, bulk: true })
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    throw new AppError(error.code, error.fields.map((field) => ({ ...field, field: field.field.replace(/^create\[(\d+)\]\./, `${change.pathPrefix}stages[$1].`) })), error.params)
  }
}

/** Pipelines: one is the default; the default or one holding opportunities is not deleted. */
registerHooks('pipelines', {
  extraInputs: ['stages'],
  async beforeWrite(trx, ctx, change) {
    if (change.op !== 'delete') return
    if (change.before?.is_default) throw new AppError('CONFLICT', [{ field: 'is_default', code: 'default_pipeline' }])
    const count = await opportunitiesIn(trx, ctx, 'pipeline_id', change.id)
    if (count > 0) throw new AppError('CONFLICT', [{ field: 'id', code: 'pipeline_in_use', params: { count } }])
  },
  async afterWrite(trx, ctx, change, record) {
    if (change.op === 'create') await createStagesOf(trx, ctx, change, record.id)
    if (change.values.is_default === true) {
      const others = await trx.selectFrom('pipelines').select('id').where('workspace_id', '=', ctx.actor.workspaceId)
        .where('is_default', '=', true).where('id', '<>', record.id).where('deleted_at', 'is', null).execute()
      if (others.length > 0) await updateRecords(ctx, ctx.catalog.get('pipelines'), others.map((row) => ({ id: row.id as string, input: { is_default: false } })), { trx })
    }
    await metadataChanged(trx, ctx)
  },
})

/** A stage added without a position goes last. */
async function nextPosition(trx: Db, ctx: RecordContext, pipelineId: string): Promise<number> {
  const row = await trx.selectFrom('pipeline_stages').select(sql<string | null>`max(position)`.as('last'))
    .where('workspace_id', '=', ctx.actor.workspaceId).where('pipeline_id', '=', pipelineId).where('deleted_at', 'is', null).executeTakeFirst()
  return row?.last == null ? 0 : Number(row.last) + 1
}

const claimedKeys = new WeakMap<Db, Set<string>>()
const STAGE_KEY = /^[a-z][a-z0-9_]{0,62}$/

function stageKeyOf(values: Record<string, unknown>): string {
  const fromName = String(values.name_en ?? '').toLowerCase().trim().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40)
  return STAGE_KEY.test(fromName) ? fromName : `stage_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
}

/** Stages: a key unique within its pipeline, fixed once created; a stage in use is not deleted. */
registerHooks('pipeline_stages', {
  async beforeWrite(trx, ctx, change) {
    const errors: FieldError[] = []
    const path = (name: string) => `${change.pathPrefix}${name}`
    if (change.op === 'delete') {
      const count = await opportunitiesIn(trx, ctx, 'pipeline_id', change.before!.pipeline_id as string, change.before!.value as string)
      if (count > 0) throw new AppError('CONFLICT', [{ field: 'id', code: 'stage_in_use', params: { count } }])
      return
    }
    if (change.op === 'restore') return
    if (change.op === 'update') {
      for (const name of ['value', 'pipeline_id']) if (name in change.values) errors.push({ field: path(name), code: 'read_only' })
      if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
      return
    }
    if (change.values.value == null) change.values.value = stageKeyOf(change.values)
    const value = String(change.values.value)
    if (!STAGE_KEY.test(value)) throw new AppError('VALIDATION_FAILED', [{ field: path('value'), code: 'invalid_name', params: { max: 63 } }])
    const pipelineId = change.values.pipeline_id as string
    await lockPipeline(trx, ctx, pipelineId)
    // Stages created in one batch are inserted after all their checks: a key given twice is caught here.
    let claimed = claimedKeys.get(trx)
    if (!claimed) claimedKeys.set(trx, (claimed = new Set()))
    if (claimed.has(`${pipelineId}:${value}`)) throw new AppError('VALIDATION_FAILED', [{ field: path('value'), code: 'taken' }])
    claimed.add(`${pipelineId}:${value}`)
    if (change.values.position == null) change.values.position = await nextPosition(trx, ctx, pipelineId)
    const taken = await trx.selectFrom('pipeline_stages').select('id').where('workspace_id', '=', ctx.actor.workspaceId)
      .where('pipeline_id', '=', pipelineId).where('value', '=', value).where('deleted_at', 'is', null).executeTakeFirst()
    if (taken) throw new AppError('VALIDATION_FAILED', [{ field: path('value'), code: 'taken' }])
  },
  async afterWrite(trx, ctx) {
    await metadataChanged(trx, ctx)
  },
})
