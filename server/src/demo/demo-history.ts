import { sql } from 'kysely'
import type { Db } from '../db/database.ts'

/**
 * The demo's deals were all written just now; a sales team's history is spread over months. Dates
 * each deal back (deterministically, by its id): a closed deal began 2–15 weeks before its close date
 * and closed on it, an open one began up to five months ago — so the funnel's periods, win rate and
 * sales cycle show what they would in a team that has used Rapport for a while. Demo seeding only.
 */
export async function spreadDemoHistory(db: Db, workspaceId: string): Promise<void> {
  await sql`
    update opportunities set
      created_at = case
        when closed_at is not null then expected_close_date::timestamptz - ((abs(hashtext(id::text)) % 90) + 14) * interval '1 day' + interval '2 hours'
        else now() - ((abs(hashtext(id::text)) % 150) + 1) * interval '1 day'
      end,
      closed_at = case when closed_at is not null then expected_close_date::timestamptz + interval '10 hours' end
    where workspace_id = ${workspaceId} and deleted_at is null`.execute(db)
  // The first stage was entered when the deal began.
  await sql`
    update opportunity_stage_history h set changed_at = o.created_at
    from opportunities o
    where h.workspace_id = ${workspaceId} and o.workspace_id = h.workspace_id and o.id = h.opportunity_id and h.from_stage is null`.execute(db)
}
