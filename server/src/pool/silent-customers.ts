import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { notifyUsers } from '../notifications/notification-store.ts'
import type { CustomerRules } from './customer-rules.ts'

const DAY = 86_400_000
// Owned customer objects with a last-contact time (both named by `name`).
const SILENT_OBJECTS = ['accounts', 'contacts']

/**
 * Reminds each owner of their customers without interaction (last contact, else creation) for
 * `silent_days`. Once per silent period: the reminder's key names the last interaction, so the
 * next reminder comes only after a new interaction followed by another silence.
 */
export async function applySilentAlerts(trx: Db, workspaceId: string, rules: CustomerRules, now: Date): Promise<number> {
  if (rules.silent_days === null) return 0
  const cutoff = new Date(now.getTime() - rules.silent_days * DAY)
  let sent = 0
  for (const object of SILENT_OBJECTS) {
    const prefix = `silent:${object}:`
    const rows = await sql<{ id: string; owner_id: string; title: string; key: string }>`
      select r.id, r.owner_id, r.name as title, r.key from (
        select *, ${prefix} || id || ':' || floor(extract(epoch from coalesce(last_activity_at, created_at)) * 1000)::bigint::text as key
        from ${sql.table(object)}
        where workspace_id = ${workspaceId} and owner_id is not null and deleted_at is null and coalesce(last_activity_at, created_at) <= ${cutoff}
      ) r
      where not exists (select 1 from notifications n where n.workspace_id = ${workspaceId} and n.user_id = r.owner_id and n.dedupe_key = r.key)
      limit 5000`.execute(trx)
    sent += await notifyUsers(trx, rows.rows.map((row) => ({
      workspaceId, userId: row.owner_id, kind: 'silent_customer' as const,
      titleKey: 'notification.silent_customer.title', bodyKey: 'notification.silent_customer.body',
      params: { name: row.title, days: rules.silent_days! }, object, recordId: row.id, dedupeKey: row.key, createdAt: now,
    })))
  }
  return sent
}
