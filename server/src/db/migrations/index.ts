import type { Migration } from '../migrator.ts'
import { platform } from './001-platform.ts'
import { eventsAndJobs } from './002-events-and-jobs.ts'
import { searchKeys } from './003-search-keys.ts'
import { imports } from './004-imports.ts'
import { audit } from './005-audit.ts'
import { merges } from './006-merges.ts'
import { quality } from './007-quality.ts'
import { poolAndNotifications } from './008-pool-and-notifications.ts'
import { quotesAndFiles } from './009-quotes-and-files.ts'
import { leadAssignment } from './010-lead-assignment.ts'
import { pipelines } from './011-pipelines.ts'
import { approvalsPaymentsSuggestions } from './012-approvals-payments-suggestions.ts'
import { importRevertJob } from './013-import-revert-job.ts'
import { salesRollups } from './014-sales-rollups.ts'
import { rateLimits } from './015-rate-limits.ts'

/** Every migration, in the order it must run. Append only. */
export const migrations: Migration[] = [platform, eventsAndJobs, searchKeys, imports, audit, merges, quality, poolAndNotifications, leadAssignment, approvalsPaymentsSuggestions, quotesAndFiles, pipelines, importRevertJob, salesRollups, rateLimits]
