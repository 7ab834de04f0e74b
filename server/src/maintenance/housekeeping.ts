import type { JobHandler, RecurringJob } from '../events/job-runner.ts'
import { removeImportFiles } from '../imports/import-file-cleanup.ts'
import { removeExpiredHits } from '../rate-limits/rate-limit.ts'

const DAY = 86_400_000
export const HOUSEKEEPING_JOB = 'maintenance.housekeeping'
/** Finished jobs are kept this long for inspection; idempotency keys this long for retries. */
export const KEEP_FINISHED_JOBS_MS = 7 * DAY
export const KEEP_IDEMPOTENCY_KEYS_MS = 1 * DAY

/** Removes what only grows: finished jobs, expired sessions, old idempotency keys, rate-limit hits out of their window, uploaded import files no longer needed. */
export const housekeeping: JobHandler = async (trx, job) => {
  const now = job.runAt
  await trx.deleteFrom('jobs').where('status', 'in', ['done', 'dead']).where('finished_at', '<', new Date(now.getTime() - KEEP_FINISHED_JOBS_MS)).execute()
  await trx.deleteFrom('sessions').where('expires_at', '<', now).execute()
  await trx.deleteFrom('idempotency_keys').where('created_at', '<', new Date(now.getTime() - KEEP_IDEMPOTENCY_KEYS_MS)).execute()
  await removeExpiredHits(trx, now)
  await removeImportFiles(trx, now)
}

export const housekeepingSchedule: RecurringJob = { type: HOUSEKEEPING_JOB, everyMs: 6 * 60 * 60 * 1000 }
