import { sql } from 'kysely'
import type { Migration } from '../migrator.ts'

/** Approval steps, payment-to-instalment matches, and the daily follow-up suggestions. */
export const approvalsPaymentsSuggestions: Migration = {
  name: '012-approvals-payments-suggestions',
  async up(db) {
    // The approvers of one approval request in order; exactly one step is 'pending' while it is open.
    await sql`
      create table approval_steps (
        workspace_id uuid not null,
        approval_id uuid not null,
        position integer not null,
        approver_id uuid,
        approver_role text,
        status text not null,
        decided_by uuid,
        comment text,
        decided_at timestamptz,
        primary key (workspace_id, approval_id, position)
      )`.execute(db)
    // Which part of a payment went to which instalment; rebuilt per contract on every payment change.
    await sql`
      create table payment_allocations (
        workspace_id uuid not null,
        payment_id uuid not null,
        instalment_id uuid not null,
        contract_id uuid,
        amount numeric(20, 2) not null,
        primary key (workspace_id, payment_id, instalment_id)
      )`.execute(db)
    await sql`create index payment_allocations_instalment_idx on payment_allocations (workspace_id, instalment_id)`.execute(db)
    await sql`create index payment_allocations_contract_idx on payment_allocations (workspace_id, contract_id)`.execute(db)
    // Who to contact today and why: the reason is a message key with params, rendered in the reader's language.
    await sql`
      create table follow_up_suggestions (
        workspace_id uuid not null,
        id uuid not null,
        user_id uuid not null,
        day date not null,
        rank integer not null,
        kind text not null,
        message_key text not null,
        params jsonb not null default '{}',
        object text not null,
        record_id uuid not null,
        status text not null default 'open',
        created_at timestamptz not null,
        acted_at timestamptz,
        primary key (workspace_id, id)
      )`.execute(db)
    await sql`create unique index follow_up_suggestions_day_idx on follow_up_suggestions (workspace_id, user_id, day, object, record_id)`.execute(db)
    // One row per workspace and local day the suggestions were made, so the hourly job makes them once.
    await sql`
      create table suggestion_runs (
        workspace_id uuid not null,
        day date not null,
        created_at timestamptz not null,
        primary key (workspace_id, day)
      )`.execute(db)
  },
}
