import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Db } from '../db/database.ts'
import { SYSTEM_WORKSPACE_ID } from '../events/job-runner.ts'

/** A limit: at most `max` hits per key within any `windowMs` (a sliding window). */
export interface RateLimit {
  /** Stored with each hit: 'sign-in', 'web-form'. */
  name: string
  max: number
  windowMs: number
}

/** Whose hits count together: a key (an address, an address and email) within a workspace. */
export interface RateLimitSubject {
  workspaceId: string
  key: string
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

// Sign-in is counted before we know the workspace (an email may have several): the nil UUID, which owns what belongs to no workspace.
export const NO_WORKSPACE_ID = SYSTEM_WORKSPACE_ID

// First half of the two-part advisory lock key, so these locks never meet another module's.
const LOCK_CLASS = 0x52_4c // 'RL'

const columnsOf = (limit: RateLimit, subject: RateLimitSubject) => ({ workspace_id: subject.workspaceId, limit_name: limit.name, key: subject.key })

/**
 * Counts a hit unless the subject already has `max` within the window; then the seconds until the
 * oldest leaves it. Shared by every process on the database: a per-key lock makes check-and-count atomic.
 */
export async function takeHit(db: Db, limit: RateLimit, subject: RateLimitSubject, now: Date): Promise<RateLimitDecision> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${sql.lit(LOCK_CLASS)}, hashtext(${`${subject.workspaceId}|${limit.name}|${subject.key}`}))`.execute(trx)
    // Hits of this key that left the window go now; housekeeping removes those of keys not seen again.
    await trx.deleteFrom('rate_limit_hits').where((eb) => eb.and(columnsOf(limit, subject))).where('expires_at', '<=', now).execute()
    const counted = await trx.selectFrom('rate_limit_hits').where((eb) => eb.and(columnsOf(limit, subject)))
      .select((eb) => [eb.fn.countAll<number>().as('hits'), eb.fn.min<Date>('expires_at').as('first_expiry')])
      .executeTakeFirstOrThrow()
    if (Number(counted.hits) >= limit.max) {
      const waitMs = new Date(counted.first_expiry).getTime() - now.getTime()
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) }
    }
    await trx.insertInto('rate_limit_hits').values({ ...columnsOf(limit, subject), id: uuidv7(), expires_at: new Date(now.getTime() + limit.windowMs) }).execute()
    return { allowed: true }
  })
}

/** Forgets the subject's hits (a successful sign-in clears its failed attempts). */
export async function clearHits(db: Db, limit: RateLimit, subject: RateLimitSubject): Promise<void> {
  await db.deleteFrom('rate_limit_hits').where((eb) => eb.and(columnsOf(limit, subject))).execute()
}

/** Housekeeping: removes every hit that has left its window. */
export async function removeExpiredHits(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('rate_limit_hits').where('expires_at', '<=', now).execute()
}
