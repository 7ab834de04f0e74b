import type { Db } from '../db/database.ts'
import { everyWorkspaceJob, type ScheduledJobs } from '../maintenance/every-workspace-job.ts'
import { jobContext } from '../approvals/system-writes.ts'
import { updateRecords } from '../records/write-pipeline.ts'
import { localParts } from '../suggestions/workspace-time.ts'

export const EXPIRY_JOB = 'sales.expiry'
const BATCH = 500

/**
 * Sent quotes past their valid-until day become expired, active contracts past their end day
 * expired, by the workspace's local day, through the write pipeline (timeline, events, hooks).
 */
export async function expireOutdated(trx: Db, workspaceId: string, timeZone: string, clock: () => Date): Promise<{ quotes: number; contracts: number }> {
  const today = localParts(clock(), timeZone).day
  const ctx = await jobContext(trx, workspaceId, clock)
  const done = { quotes: 0, contracts: 0 }
  for (const [name, status, dayField] of [['quotes', 'sent', 'valid_until'], ['contracts', 'active', 'end_date']] as const) {
    const object = ctx.catalog.find(name)
    if (!object) continue
    const rows = await trx.selectFrom(object.table).select(['id', 'version'])
      .where('workspace_id', '=', workspaceId).where('deleted_at', 'is', null)
      .where('status', '=', status).where(dayField, '<', today)
      .orderBy(dayField).limit(BATCH).execute()
    if (rows.length === 0) continue
    await updateRecords(ctx, object, rows.map((row) => ({ id: row.id as string, input: { status: 'expired' }, expectedVersion: Number(row.version) })), { trx })
    done[name] += rows.length
  }
  return done
}

/** Hourly over every workspace, so a quote expires within the hour after its last valid day ends there. */
export function expiryJobs(clock: () => Date): ScheduledJobs {
  return everyWorkspaceJob(EXPIRY_JOB, 60 * 60 * 1000, clock, (trx, workspaceId, settings, now) => expireOutdated(trx, workspaceId, settings.time_zone, () => now))
}
