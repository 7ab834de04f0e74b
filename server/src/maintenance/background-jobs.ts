import type { Db } from '../db/database.ts'
import { createJobRunner, type JobRunner } from '../events/job-runner.ts'
import { HOUSEKEEPING_JOB, housekeeping, housekeepingSchedule } from './housekeeping.ts'

/** The app's job runner: event subscribers, housekeeping, and every module's scheduled jobs. */
export function startBackgroundJobs(db: Db): JobRunner {
  const runner = createJobRunner(db, {
    handlers: { [HOUSEKEEPING_JOB]: housekeeping },
    recurring: [housekeepingSchedule],
  })
  runner.start()
  return runner
}
