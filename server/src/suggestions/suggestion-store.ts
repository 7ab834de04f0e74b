import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Db } from '../db/database.ts'
import { AppError } from '../errors/app-error.ts'
import { isMessageKey, translate, type Locale } from '../i18n/translate.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'
import { findCandidates, type Candidate } from './suggestion-rules.ts'
import type { FollowUpSettings } from './workspace-time.ts'

export const MAX_PER_USER = 10

/** The best candidates of each user, ranked: the highest score first, one per record. */
export function rankCandidates(candidates: Candidate[]): Map<string, Candidate[]> {
  const byUser = new Map<string, Candidate[]>()
  const sorted = [...candidates].sort((a, b) => b.score - a.score || a.kind.localeCompare(b.kind) || a.record_id.localeCompare(b.record_id))
  for (const candidate of sorted) {
    const list = byUser.get(candidate.user_id) ?? []
    if (list.length >= MAX_PER_USER || list.some((other) => other.object === candidate.object && other.record_id === candidate.record_id)) continue
    list.push(candidate)
    byUser.set(candidate.user_id, list)
  }
  return byUser
}

/**
 * Makes the day's suggestions of a workspace (or of one user): open suggestions of that day are
 * replaced, while those dismissed or done stay so and are not suggested again that day.
 */
export async function makeSuggestions(trx: Db, input: { workspaceId: string; day: string; now: Date; settings: FollowUpSettings; userId?: string }): Promise<number> {
  const ranked = rankCandidates(await findCandidates(trx, input))
  await sql`
    delete from follow_up_suggestions where workspace_id = ${input.workspaceId} and day = ${input.day}::date and status = 'open'
    ${input.userId ? sql`and user_id = ${input.userId}` : sql``}`.execute(trx)
  const rows = [...ranked.values()].flatMap((list) => list.map((candidate, index) => ({ ...candidate, rank: index + 1 })))
  if (rows.length === 0) return 0
  const result = await sql`
    insert into follow_up_suggestions (workspace_id, id, user_id, day, rank, kind, message_key, params, object, record_id, created_at)
    select ${input.workspaceId}, id, user_id, ${input.day}::date, rank, kind, 'suggestion.' || kind, params::jsonb, object, record_id, ${input.now}
    from unnest(${rows.map(() => uuidv7())}::uuid[], ${rows.map((row) => row.user_id)}::uuid[], ${rows.map((row) => row.rank)}::integer[],
      ${rows.map((row) => row.kind)}::text[], ${rows.map((row) => JSON.stringify(row.params))}::text[], ${rows.map((row) => row.object)}::text[],
      ${rows.map((row) => row.record_id)}::uuid[]) as s(id, user_id, rank, kind, params, object, record_id)
    on conflict (workspace_id, user_id, day, object, record_id) do nothing`.execute(trx)
  return Number(result.numAffectedRows ?? 0)
}

export interface SuggestionView {
  id: string
  rank: number
  kind: string
  message: string
  params: Record<string, string | number>
  object: string
  record_id: string
  status: string
}

/** A user's suggestions of a day, in rank order, with their reasons in the reader's language. */
export async function listSuggestions(db: Db, workspaceId: string, userId: string, day: string, locale: Locale, includeClosed: boolean): Promise<SuggestionView[]> {
  const rows = await db.selectFrom('follow_up_suggestions').selectAll()
    .where('workspace_id', '=', workspaceId).where('user_id', '=', userId).where('day', '=', sql<Date>`${day}::date`)
    .$if(!includeClosed, (q) => q.where('status', '=', 'open'))
    .orderBy('rank').execute()
  return rows.map((row) => ({
    id: row.id, rank: Number(row.rank), kind: row.kind,
    message: isMessageKey(row.message_key) ? translate(locale, row.message_key, row.params) : row.message_key,
    params: row.params, object: row.object, record_id: row.record_id, status: row.status,
  }))
}

/** The user marks their own suggestion dismissed or done. */
export async function closeSuggestion(db: Db, workspaceId: string, userId: string, id: string, status: 'dismissed' | 'done', now: Date): Promise<void> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND')
  const result = await db.updateTable('follow_up_suggestions').set({ status, acted_at: now })
    .where('workspace_id', '=', workspaceId).where('user_id', '=', userId).where('id', '=', id).executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) throw new AppError('NOT_FOUND')
}
