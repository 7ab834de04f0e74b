import type { Db } from '../db/database.ts'
import { createJobRunner, type JobRunner } from '../events/job-runner.ts'
import { expiryJobs } from '../contracts/expiry-job.ts'
import { importJobHandlers } from '../imports/import-job.ts'
import { instalmentOverdueJobs } from '../payments/instalment-overdue-job.ts'
import { customerRuleJobs } from '../pool/customer-rule-jobs.ts'
import { reminderJobs } from '../reminders/reminder-job.ts'
import { suggestionJobs } from '../suggestions/suggestion-job.ts'
import { HOUSEKEEPING_JOB, housekeeping, housekeepingSchedule } from './housekeeping.ts'

/** The app's job runner: event subscribers, housekeeping, and every module's scheduled jobs. */
export function startBackgroundJobs(db: Db): JobRunner {
  const customerRules = customerRuleJobs(() => new Date())
  const cashAndFollowUp = [instalmentOverdueJobs, reminderJobs, suggestionJobs, expiryJobs].map((jobs) => jobs(() => new Date()))
  const runner = createJobRunner(db, {
    handlers: { [HOUSEKEEPING_JOB]: housekeeping, ...customerRules.handlers, ...importJobHandlers, ...Object.assign({}, ...cashAndFollowUp.map((jobs) => jobs.handlers)) },
    recurring: [housekeepingSchedule, ...customerRules.recurring, ...cashAndFollowUp.flatMap((jobs) => jobs.recurring)],
  })
  runner.start()
  return runner
}
