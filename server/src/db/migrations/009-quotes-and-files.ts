import { sql } from 'kysely'
import { PRICING_MANAGER, PRICING_REP } from '../../access/roles.ts'
import type { Migration } from '../migrator.ts'

/** Frozen versions of sent quotes, and stored files (the workspace logo, signed contracts). */
export const quotesAndFiles: Migration = {
  name: '009-quotes-and-files',
  async up(db) {
    // One row per superseded version of a quote: the quote and its lines as they were sent.
    await sql`
      create table quote_versions (
        workspace_id uuid not null,
        quote_id uuid not null,
        quote_version integer not null,
        snapshot jsonb not null,
        created_at timestamptz not null,
        created_by uuid,
        primary key (workspace_id, quote_id, quote_version)
      )`.execute(db)
    // Small uploads kept in the database, so a backup of it is a backup of everything.
    await sql`
      create table stored_files (
        workspace_id uuid not null,
        id uuid not null,
        purpose text not null,
        object text,
        record_id uuid,
        name text not null,
        content_type text not null,
        size integer not null,
        data bytea not null,
        created_at timestamptz not null,
        created_by uuid,
        primary key (workspace_id, id)
      )`.execute(db)
    await sql`create index stored_files_record_idx on stored_files (workspace_id, object, record_id)`.execute(db)
    // Existing workspaces' default roles learn about price books; anything an administrator set stays.
    await sql`update roles set permissions = ${JSON.stringify(PRICING_MANAGER)}::jsonb || permissions where key = 'manager'`.execute(db)
    await sql`update roles set permissions = ${JSON.stringify(PRICING_REP)}::jsonb || permissions where key = 'rep'`.execute(db)
  },
}
