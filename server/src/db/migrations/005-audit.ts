import { sql } from 'kysely'
import type { Migration } from '../migrator.ts'

/** The security audit log: who read, exported or changed what, and when. Append only. */
export const audit: Migration = {
  name: '005-audit',
  async up(db) {
    // Ids are uuid v7, so (workspace_id, id) also orders a workspace's entries by time.
    await sql`
      create table audit_log (
        workspace_id uuid not null,
        id uuid not null,
        actor_id uuid,
        action text not null,
        object text,
        details jsonb not null default '{}',
        at timestamptz not null default now(),
        primary key (workspace_id, id)
      )`.execute(db)
    await sql`create index audit_log_action_idx on audit_log (workspace_id, action, id)`.execute(db)
  },
}
