import { sql } from 'kysely'
import type { Migration } from '../migrator.ts'

/**
 * Rate-limit hits (sign-in attempts, web-form submissions) kept in the database, so every app
 * process behind a load balancer counts against the same limit (rate-limits/rate-limit.ts).
 */
export const rateLimits: Migration = {
  name: '015-rate-limits',
  async up(db) {
    // One row per counted hit; it counts while expires_at (its time plus the window) is ahead.
    await sql`
      create table rate_limit_hits (
        workspace_id uuid not null,
        limit_name text not null,
        key text not null,
        id uuid not null,
        expires_at timestamptz not null,
        primary key (workspace_id, limit_name, key, id)
      )`.execute(db)
  },
}
