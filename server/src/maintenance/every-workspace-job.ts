import type { Db } from '../db/database.ts'
import type { JobHandler, RecurringJob } from '../events/job-runner.ts'
import { allWorkspaceSettings, type FollowUpSettings } from '../suggestions/workspace-time.ts'

export interface ScheduledJobs {
  handlers: Record<string, JobHandler>
  recurring: RecurringJob[]
}

/**
 * A job that runs every `everyMs` and does `each` for every workspace, with its settings (time
 * zone, morning hour) and one instant read from the job's clock, so tests control it.
 */
export function everyWorkspaceJob(
  type: string, everyMs: number, clock: () => Date,
  each: (trx: Db, workspaceId: string, settings: FollowUpSettings, now: Date) => Promise<unknown>,
): ScheduledJobs {
  return {
    handlers: {
      [type]: async (trx) => {
        const now = clock()
        for (const { workspaceId, settings } of await allWorkspaceSettings(trx)) await each(trx, workspaceId, settings, now)
      },
    },
    recurring: [{ type, everyMs }],
  }
}
