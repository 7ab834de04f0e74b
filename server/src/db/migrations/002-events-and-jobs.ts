import { sql } from 'kysely'
import type { Migration } from '../migrator.ts'

/** The durable event log (every record change) and the job queue that consumes it. */
export const eventsAndJobs: Migration = {
  name: '002-events-and-jobs',
  async up(db) {
    // Ids are uuid v7, so the primary key also orders a workspace's events by time.
    await sql`
      create table events (
        workspace_id uuid not null,
        id uuid not null,
        object text not null,
        record_id uuid not null,
        type text not null,
        changes jsonb,
        actor_id uuid,
        created_at timestamptz not null default now(),
        primary key (workspace_id, id)
      )`.execute(db)
    await sql`create index events_record_idx on events (workspace_id, object, record_id, created_at)`.execute(db)
    // A claimed job stays 'pending' with attempts counted and locked_until set: a runner that dies
    // mid-job leaves it pending, and it is claimed again once the lease has passed.
    await sql`
      create table jobs (
        workspace_id uuid not null,
        id uuid not null,
        type text not null,
        payload jsonb not null default '{}',
        run_at timestamptz not null default now(),
        attempts integer not null default 0,
        max_attempts integer not null default 10,
        status text not null default 'pending' check (status in ('pending', 'done', 'dead')),
        locked_until timestamptz,
        last_error text,
        dedupe_key text,
        created_at timestamptz not null default now(),
        finished_at timestamptz,
        primary key (workspace_id, id)
      )`.execute(db)
    // The one index without workspace_id first: the poller looks for due jobs across all workspaces of its shard.
    await sql`create index jobs_due_idx on jobs (run_at) where status = 'pending'`.execute(db)
    // At most one pending job per dedupe key and workspace; finished ones no longer count.
    await sql`create unique index jobs_dedupe_idx on jobs (workspace_id, dedupe_key) where status = 'pending' and dedupe_key is not null`.execute(db)
  },
}
