import { sql } from 'kysely'
import { SALES_SETUP_MANAGER, SALES_SETUP_REP } from '../../access/roles.ts'
import type { Migration } from '../migrator.ts'

/**
 * Every stage change of an opportunity (server/src/pipelines/), and the pipeline, stage and quota
 * permissions of existing workspaces' sales roles. The default pipeline of existing workspaces is
 * seeded at start, once the record tables exist (pipelines/default-pipeline.ts).
 */
export const pipelines: Migration = {
  name: '011-pipelines',
  async up(db) {
    await sql`
      create table opportunity_stage_history (
        workspace_id uuid not null,
        id uuid not null,
        opportunity_id uuid not null,
        pipeline_id uuid,
        from_stage text,
        to_stage text not null,
        changed_at timestamptz not null,
        changed_by uuid,
        amount numeric(20, 2),
        amount_currency text,
        primary key (workspace_id, id)
      )`.execute(db)
    await sql`create index opportunity_stage_history_record_idx on opportunity_stage_history (workspace_id, opportunity_id, changed_at, id)`.execute(db)
    await sql`create index opportunity_stage_history_time_idx on opportunity_stage_history (workspace_id, changed_at)`.execute(db)
    for (const [key, added] of [['manager', SALES_SETUP_MANAGER], ['rep', SALES_SETUP_REP]] as const) {
      // Roles an administrator already gave these objects keep what they were given.
      await sql`update roles set permissions = ${JSON.stringify(added)}::jsonb || permissions where key = ${key}`.execute(db)
    }
  },
}
