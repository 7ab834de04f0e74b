import { sql } from 'kysely'
import type { Migration } from '../migrator.ts'

/** Workspaces, sign-in, roles and runtime metadata. Record tables are derived from object metadata. */
export const platform: Migration = {
  name: '001-platform',
  async up(db) {
    await sql`create extension if not exists btree_gin`.execute(db)
    await sql`
      create table workspaces (
        id uuid primary key,
        name text not null,
        slug text not null unique,
        metadata_version integer not null default 1,
        settings jsonb not null default '{}',
        created_at timestamptz not null default now()
      )`.execute(db)
    // Routing table from a sign-in email to the workspaces it belongs to (global, like workspaces).
    await sql`
      create table sign_in_directory (
        email text not null,
        workspace_id uuid not null,
        user_id uuid not null,
        primary key (email, workspace_id)
      )`.execute(db)
    await sql`
      create table roles (
        workspace_id uuid not null,
        key text not null,
        label jsonb not null,
        permissions jsonb not null,
        updated_at timestamptz not null default now(),
        primary key (workspace_id, key)
      )`.execute(db)
    await sql`
      create table sessions (
        workspace_id uuid not null,
        token_hash text not null,
        user_id uuid not null,
        expires_at timestamptz not null,
        created_at timestamptz not null default now(),
        primary key (workspace_id, token_hash)
      )`.execute(db)
    await sql`
      create table api_keys (
        workspace_id uuid not null,
        id uuid not null,
        name text not null,
        key_hash text not null,
        user_id uuid not null,
        created_at timestamptz not null default now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        primary key (workspace_id, id)
      )`.execute(db)
    await sql`create unique index api_keys_hash_idx on api_keys (workspace_id, key_hash)`.execute(db)
    await sql`
      create table custom_objects (
        workspace_id uuid not null,
        id uuid not null,
        name text not null,
        definition jsonb not null,
        created_at timestamptz not null default now(),
        primary key (workspace_id, id),
        unique (workspace_id, name)
      )`.execute(db)
    await sql`
      create table custom_fields (
        workspace_id uuid not null,
        id uuid not null,
        object text not null,
        name text not null,
        definition jsonb not null,
        created_at timestamptz not null default now(),
        primary key (workspace_id, id),
        unique (workspace_id, object, name)
      )`.execute(db)
    await sql`
      create table idempotency_keys (
        workspace_id uuid not null,
        key text not null,
        user_id uuid not null,
        request_hash text not null,
        status integer not null,
        response jsonb not null,
        created_at timestamptz not null default now(),
        primary key (workspace_id, key)
      )`.execute(db)
    await sql`
      create table counters (
        workspace_id uuid not null,
        name text not null,
        value bigint not null,
        primary key (workspace_id, name)
      )`.execute(db)
  },
}
