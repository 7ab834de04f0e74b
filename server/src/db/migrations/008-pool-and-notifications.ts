import { sql } from 'kysely'
import type { Migration } from '../migrator.ts'

/** Per-user notifications, and who took which account from the customer pool (公海) and when. */
export const poolAndNotifications: Migration = {
  name: '008-pool-and-notifications',
  async up(db) {
    // Title and body are message keys with params, rendered in the reader's language when read.
    // dedupe_key keeps a rule from notifying the same user about the same thing twice.
    await sql`
      create table notifications (
        workspace_id uuid not null,
        id uuid not null,
        user_id uuid not null,
        kind text not null,
        title_key text not null,
        body_key text,
        params jsonb not null default '{}',
        object text,
        record_id uuid,
        dedupe_key text,
        created_at timestamptz not null,
        read_at timestamptz,
        primary key (workspace_id, id)
      )`.execute(db)
    // Ids are uuid v7: the newest-first list pages on (user, id).
    await sql`create index notifications_user_idx on notifications (workspace_id, user_id, id desc)`.execute(db)
    await sql`create index notifications_unread_idx on notifications (workspace_id, user_id) where read_at is null`.execute(db)
    await sql`create unique index notifications_dedupe_idx on notifications (workspace_id, user_id, dedupe_key) where dedupe_key is not null`.execute(db)
    // One row per account currently held through a claim: counts against the rep's limit and starts
    // the return-to-pool clock. Released or returned accounts lose their row.
    await sql`
      create table pool_claims (
        workspace_id uuid not null,
        account_id uuid not null,
        user_id uuid not null,
        claimed_at timestamptz not null,
        primary key (workspace_id, account_id)
      )`.execute(db)
    await sql`create index pool_claims_user_idx on pool_claims (workspace_id, user_id)`.execute(db)
  },
}
