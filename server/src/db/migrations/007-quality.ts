import { sql } from 'kysely'
import type { Migration } from '../migrator.ts'

/**
 * A workspace's data-quality settings per object: completeness weights (field → weight, replacing
 * the object's declared defaults) and validation rules (fields required when a field has a value).
 */
export const quality: Migration = {
  name: '007-quality',
  async up(db) {
    await sql`
      create table quality_settings (
        workspace_id uuid not null,
        object text not null,
        weights jsonb,
        stage_rules jsonb not null default '[]',
        updated_at timestamptz not null default now(),
        updated_by uuid,
        primary key (workspace_id, object)
      )`.execute(db)
  },
}
