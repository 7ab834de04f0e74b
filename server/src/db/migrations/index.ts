import type { Migration } from '../migrator.ts'
import { platform } from './001-platform.ts'
import { eventsAndJobs } from './002-events-and-jobs.ts'
import { searchKeys } from './003-search-keys.ts'

/** Every migration, in the order it must run. Append only. */
export const migrations: Migration[] = [platform, eventsAndJobs, searchKeys]
