import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { notifyUsers, type NotificationInput } from '../notifications/notification-store.ts'
import { changeAccountOwners } from './account-owner-change.ts'
import type { CustomerRules } from './customer-rules.ts'

const DAY = 86_400_000

interface Candidate {
  id: string
  owner_id: string
  name: string
  since: Date
  notice_key: string
  noticed_at: Date | null
}

const day = (date: Date) => date.toISOString().slice(0, 10)

/**
 * Owned accounts without a follow-up (the latest of last contact, claim and creation) for
 * `return_days` go back to the pool. The owner is told `notice_days` ahead; an account never noticed
 * (the rule was just turned on) is noticed now and returns `notice_days` later, never unannounced.
 */
export async function applyReturnRule(trx: Db, workspaceId: string, rules: CustomerRules, now: Date): Promise<{ noticed: number; returned: number }> {
  if (rules.return_days === null) return { noticed: 0, returned: 0 }
  const noticeCutoff = new Date(now.getTime() - (rules.return_days - rules.notice_days) * DAY)
  const returnCutoff = new Date(now.getTime() - rules.return_days * DAY)
  // The notice's key names the follow-up time it is about: a new follow-up starts a new period.
  const result = await sql<Candidate>`
    with owned as (
      select a.id, a.owner_id, a.name, greatest(a.last_activity_at, c.claimed_at, a.created_at) as since
      from accounts a
      left join pool_claims c on c.workspace_id = a.workspace_id and c.account_id = a.id and c.user_id = a.owner_id
      where a.workspace_id = ${workspaceId} and a.owner_id is not null and a.deleted_at is null
    ), due as (
      select owned.*, 'pool_notice:' || id || ':' || owner_id || ':' || floor(extract(epoch from since) * 1000)::bigint::text as notice_key
      from owned where since <= ${noticeCutoff}
    )
    select due.*, n.created_at as noticed_at from due
    left join notifications n on n.workspace_id = ${workspaceId} and n.user_id = due.owner_id and n.dedupe_key = due.notice_key
    order by due.since
    limit 5000`.execute(trx)
  const toReturn: Candidate[] = []
  const notices: NotificationInput[] = []
  const noticedLongEnough = new Date(now.getTime() - rules.notice_days * DAY)
  for (const row of result.rows) {
    const since = new Date(row.since)
    const noticeDone = rules.notice_days === 0 || (row.noticed_at !== null && new Date(row.noticed_at) <= noticedLongEnough)
    if (since <= returnCutoff && noticeDone) toReturn.push(row)
    else if (row.noticed_at === null && rules.notice_days > 0) {
      const returnsOn = new Date(Math.max(since.getTime() + rules.return_days * DAY, now.getTime() + rules.notice_days * DAY))
      notices.push({
        workspaceId, userId: row.owner_id, kind: 'pool_return_notice', titleKey: 'notification.pool_return_notice.title', bodyKey: 'notification.pool_return_notice.body',
        params: { account: row.name, date: day(returnsOn), days: rules.return_days }, object: 'accounts', recordId: row.id, dedupeKey: row.notice_key, createdAt: now,
      })
    }
  }
  await notifyUsers(trx, notices)
  await changeAccountOwners(trx, workspaceId, toReturn.map((row) => ({ accountId: row.id, before: row.owner_id, after: null })), { type: 'returned_to_pool', actorId: null, at: now })
  await notifyUsers(trx, toReturn.map((row) => ({
    workspaceId, userId: row.owner_id, kind: 'pool_returned', titleKey: 'notification.pool_returned.title', bodyKey: 'notification.pool_returned.body',
    params: { account: row.name, days: rules.return_days! }, object: 'accounts', recordId: row.id, dedupeKey: row.notice_key.replace('pool_notice:', 'pool_returned:'), createdAt: now,
  })))
  return { noticed: notices.length, returned: toReturn.length }
}
