import type { Db } from '../db/database.ts'
import type { JobHandler, RecurringJob } from '../events/job-runner.ts'
import { readAllCustomerRules, type CustomerRules } from './customer-rules.ts'
import { applyReturnRule } from './pool-return-rule.ts'
import { applySilentAlerts } from './silent-customers.ts'

export const POOL_RETURN_JOB = 'pool.return-rule'
export const SILENT_ALERT_JOB = 'customers.silent-alert'

/**
 * The customer-pool return rule (hourly, so a notice or return is at most an hour late) and the daily
 * silent-customer alert, over every workspace. Both read the time from `clock`, so tests control it.
 */
export function customerRuleJobs(clock: () => Date): { handlers: Record<string, JobHandler>; recurring: RecurringJob[] } {
  const forEachWorkspace = (apply: (trx: Db, workspaceId: string, rules: CustomerRules, now: Date) => Promise<unknown>): JobHandler =>
    async (trx) => {
      const now = clock()
      for (const { workspaceId, rules } of await readAllCustomerRules(trx)) await apply(trx, workspaceId, rules, now)
    }
  return {
    handlers: { [POOL_RETURN_JOB]: forEachWorkspace(applyReturnRule), [SILENT_ALERT_JOB]: forEachWorkspace(applySilentAlerts) },
    recurring: [{ type: POOL_RETURN_JOB, everyMs: 60 * 60 * 1000 }, { type: SILENT_ALERT_JOB, everyMs: 24 * 60 * 60 * 1000 }],
  }
}
