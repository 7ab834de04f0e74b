import { sql } from 'kysely'
import type { Migration } from '../migrator.ts'

/**
 * The merge log: what each merge of duplicates changed (the survivor's previous values and every
 * reference it re-pointed), so the merge can be undone exactly.
 */
export const merges: Migration = {
  name: '006-merges',
  async up(db) {
    await sql`
      create table merges (
        workspace_id uuid not null,
        id uuid not null,
        object text not null,
        survivor_id uuid not null,
        merged_ids uuid[] not null,
        survivor_before jsonb not null default '{}',
        moved jsonb not null default '[]',
        actor_id uuid,
        created_at timestamptz not null default now(),
        undone_at timestamptz,
        undone_by uuid,
        primary key (workspace_id, id)
      )`.execute(db)
    await sql`create index merges_survivor_idx on merges (workspace_id, object, survivor_id, created_at)`.execute(db)
    await sql`create index merges_merged_idx on merges using gin (merged_ids)`.execute(db)
  },
}
