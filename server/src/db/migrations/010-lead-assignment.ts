import { sql } from 'kysely'
import type { Migration } from '../migrator.ts'

/** Where each round-robin assignment rule stands: the member who got its latest lead. */
export const leadAssignment: Migration = {
  name: '010-lead-assignment',
  async up(db) {
    // One row per rule, locked while a lead is assigned so concurrent leads take turns in order.
    await sql`
      create table lead_assignment_cursors (
        workspace_id uuid not null,
        rule_id uuid not null,
        last_user_id uuid,
        updated_at timestamptz not null default now(),
        primary key (workspace_id, rule_id)
      )`.execute(db)
  },
}
