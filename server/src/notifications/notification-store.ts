import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Db } from '../db/database.ts'
import { AppError } from '../errors/app-error.ts'
import { isMessageKey, translate, type Locale } from '../i18n/translate.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'

export type NotificationKind = 'pool_return_notice' | 'pool_returned' | 'silent_customer' | 'lead_assigned'
  | 'approval_requested' | 'approval_decided' | 'instalment_overdue' | 'activity_reminder'

export interface NotificationInput {
  workspaceId: string
  userId: string
  kind: NotificationKind
  /** Message keys of i18n/messages-*.ts, rendered in the reader's language when listed. */
  titleKey: string
  bodyKey?: string
  params?: Record<string, string | number>
  object?: string
  recordId?: string
  /** A second notification with the same key for the same user is dropped. */
  dedupeKey?: string
  createdAt: Date
}

/** Stores notifications in the caller's transaction; returns how many were new. */
export async function notifyUsers(trx: Db, inputs: NotificationInput[]): Promise<number> {
  if (inputs.length === 0) return 0
  const result = await sql<{ id: string }>`
    insert into notifications (workspace_id, id, user_id, kind, title_key, body_key, params, object, record_id, dedupe_key, created_at)
    select workspace_id, id, user_id, kind, title_key, body_key, params::jsonb, object, record_id, dedupe_key, created_at
    from unnest(
      ${inputs.map((n) => n.workspaceId)}::uuid[], ${inputs.map(() => uuidv7())}::uuid[], ${inputs.map((n) => n.userId)}::uuid[],
      ${inputs.map((n) => n.kind)}::text[], ${inputs.map((n) => n.titleKey)}::text[], ${inputs.map((n) => n.bodyKey ?? null)}::text[],
      ${inputs.map((n) => JSON.stringify(n.params ?? {}))}::text[], ${inputs.map((n) => n.object ?? null)}::text[],
      ${inputs.map((n) => n.recordId ?? null)}::uuid[], ${inputs.map((n) => n.dedupeKey ?? null)}::text[],
      ${inputs.map((n) => n.createdAt)}::timestamptz[]
    ) as input(workspace_id, id, user_id, kind, title_key, body_key, params, object, record_id, dedupe_key, created_at)
    on conflict (workspace_id, user_id, dedupe_key) where dedupe_key is not null do nothing
    returning id`.execute(trx)
  return result.rows.length
}

export interface NotificationView {
  id: string
  kind: string
  title: string
  body: string | null
  params: Record<string, string | number>
  object: string | null
  record_id: string | null
  created_at: string
  read_at: string | null
}

const render = (locale: Locale, key: string | null, params: Record<string, string | number>) =>
  key === null ? null : isMessageKey(key) ? translate(locale, key, params) : key

export interface ListOptions {
  cursor?: string
  limit: number
  unreadOnly: boolean
}

/** A user's notifications, newest first, a page at a time (the cursor is the last id seen), with the unread count. */
export async function listNotifications(db: Db, workspaceId: string, userId: string, locale: Locale, options: ListOptions) {
  if (options.cursor !== undefined && !isUuid(options.cursor)) throw new AppError('VALIDATION_FAILED', [{ field: 'cursor', code: 'invalid_cursor' }])
  const rows = await db
    .selectFrom('notifications')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .$if(options.unreadOnly, (q) => q.where('read_at', 'is', null))
    .$if(options.cursor !== undefined, (q) => q.where('id', '<', options.cursor!))
    .orderBy('id', 'desc')
    .limit(options.limit + 1)
    .execute()
  const unread = await sql<{ count: string }>`
    select count(*) as count from notifications where workspace_id = ${workspaceId} and user_id = ${userId} and read_at is null`.execute(db)
  const page = rows.slice(0, options.limit)
  const data: NotificationView[] = page.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: render(locale, row.title_key, row.params)!,
    body: render(locale, row.body_key, row.params),
    params: row.params,
    object: row.object,
    record_id: row.record_id,
    created_at: (row.created_at as Date).toISOString(),
    read_at: row.read_at ? (row.read_at as Date).toISOString() : null,
  }))
  return { data, next_cursor: rows.length > options.limit ? page[page.length - 1].id : null, unread_count: Number(unread.rows[0].count) }
}

/** Marks the given notifications (or all) of the user read; returns how many changed. */
export async function markNotificationsRead(db: Db, workspaceId: string, userId: string, ids: string[] | 'all', now: Date): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .$if(ids !== 'all', (q) => q.where('id', 'in', ids as string[]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
