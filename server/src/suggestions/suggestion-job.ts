import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { everyWorkspaceJob, type ScheduledJobs } from '../maintenance/every-workspace-job.ts'
import { makeSuggestions } from './suggestion-store.ts'
import { localParts, type FollowUpSettings } from './workspace-time.ts'

export const FOLLOW_UP_JOB = 'suggestions.daily'

/**
 * Once a workspace's local hour reaches its morning hour, makes that day's suggestions — once per
 * local day, claimed by a row in suggestion_runs. Returns whether it ran.
 */
export async function runMorningSuggestions(trx: Db, workspaceId: string, settings: FollowUpSettings, now: Date): Promise<boolean> {
  const local = localParts(now, settings.time_zone)
  if (local.hour < settings.hour) return false
  const claimed = await sql`
    insert into suggestion_runs (workspace_id, day, created_at) values (${workspaceId}, ${local.day}::date, ${now})
    on conflict (workspace_id, day) do nothing returning day`.execute(trx)
  if (claimed.rows.length === 0) return false
  await makeSuggestions(trx, { workspaceId, day: local.day, now, settings })
  return true
}

/** Hourly over every workspace, so each gets its suggestions within the hour of its own morning. */
export function suggestionJobs(clock: () => Date): ScheduledJobs {
  return everyWorkspaceJob(FOLLOW_UP_JOB, 60 * 60 * 1000, clock, runMorningSuggestions)
}
