import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { appendEvents } from '../events/event-log.ts'

export type PoolEventType = 'claimed' | 'released' | 'returned_to_pool'

export interface OwnerChange {
  accountId: string
  before: string | null
  after: string | null
}

/**
 * Moves accounts into or out of the pool: the owner column, the claim row that starts the return
 * clock, and one timeline event per account, in the caller's transaction. A dedicated path rather
 * than updateRecords, because the pool changes owners the caller's own write scope cannot reach.
 */
export async function changeAccountOwners(
  trx: Db, workspaceId: string, changes: OwnerChange[], event: { type: PoolEventType; actorId: string | null; at: Date },
): Promise<void> {
  if (changes.length === 0) return
  const ids = changes.map((change) => change.accountId)
  await sql`
    update accounts set owner_id = next.owner_id, version = version + 1, updated_at = ${event.at},
      updated_by = coalesce(${event.actorId}::uuid, updated_by)
    from unnest(${ids}::uuid[], ${changes.map((change) => change.after)}::uuid[]) as next(id, owner_id)
    where accounts.workspace_id = ${workspaceId} and accounts.id = next.id`.execute(trx)
  await sql`delete from pool_claims where workspace_id = ${workspaceId} and account_id = any(${ids}::uuid[])`.execute(trx)
  const claimed = changes.filter((change) => event.type === 'claimed' && change.after !== null)
  if (claimed.length > 0) {
    await sql`
      insert into pool_claims (workspace_id, account_id, user_id, claimed_at)
      select ${workspaceId}, id, user_id, ${event.at} from unnest(${claimed.map((c) => c.accountId)}::uuid[], ${claimed.map((c) => c.after)}::uuid[]) as c(id, user_id)`.execute(trx)
  }
  await appendEvents(trx, changes.map((change) => ({
    workspaceId,
    object: 'accounts',
    recordId: change.accountId,
    type: event.type,
    changes: { owner_id: { before: change.before, after: change.after } },
    actorId: event.actorId,
  })))
}
