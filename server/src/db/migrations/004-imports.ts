import { sql } from 'kysely'
import type { Migration } from '../migrator.ts'

/** Imports: the file, its mapping and progress, rejected rows, the records each import touched, saved mappings. */
export const imports: Migration = {
  name: '004-imports',
  async up(db) {
    // `position` is the number of data rows consumed: a batch and the position after it commit together.
    await sql`
      create table imports (
        workspace_id uuid not null,
        id uuid not null,
        object text not null,
        status text not null default 'new'
          check (status in ('new', 'uploaded', 'queued', 'running', 'done', 'failed', 'cancelled', 'reverted')),
        file_name text not null,
        file_path text,
        file_format text,
        encoding text,
        file_size bigint,
        headers jsonb,
        mapping jsonb not null default '{}',
        match_key text,
        on_duplicate text not null default 'skip' check (on_duplicate in ('skip', 'update', 'create')),
        total_rows integer,
        position integer not null default 0,
        created_count integer not null default 0,
        updated_count integer not null default 0,
        skipped_count integer not null default 0,
        rejected_count integer not null default 0,
        error text,
        created_by uuid not null,
        created_at timestamptz not null default now(),
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz not null default now(),
        primary key (workspace_id, id)
      )`.execute(db)
    await sql`create index imports_object_idx on imports (workspace_id, object, created_at)`.execute(db)
    await sql`
      create table import_rejections (
        workspace_id uuid not null,
        import_id uuid not null,
        row_number integer not null,
        cells jsonb not null,
        reasons jsonb not null,
        primary key (workspace_id, import_id, row_number)
      )`.execute(db)
    // One row per record an import created or updated; `before` holds the updated fields' earlier values.
    await sql`
      create table import_records (
        workspace_id uuid not null,
        import_id uuid not null,
        object text not null,
        record_id uuid not null,
        action text not null check (action in ('created', 'updated')),
        before jsonb,
        primary key (workspace_id, import_id, record_id)
      )`.execute(db)
    await sql`create index import_records_record_idx on import_records (workspace_id, object, record_id)`.execute(db)
    await sql`
      create table import_templates (
        workspace_id uuid not null,
        id uuid not null,
        object text not null,
        name text not null,
        mapping jsonb not null,
        match_key text,
        on_duplicate text,
        created_by uuid not null,
        created_at timestamptz not null default now(),
        primary key (workspace_id, id)
      )`.execute(db)
    await sql`create unique index import_templates_name_idx on import_templates (workspace_id, object, name)`.execute(db)
  },
}
