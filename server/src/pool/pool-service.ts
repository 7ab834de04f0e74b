import { sql } from 'kysely'
import { assertCan } from '../access/record-access.ts'
import type { Db } from '../db/database.ts'
import { AppError } from '../errors/app-error.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'
import { nowOf, type RecordContext } from '../records/record-context.ts'
import { getRecord } from '../records/get-record.ts'
import type { ApiRecord } from '../records/row-mapping.ts'
import { scopedSelect } from '../records/scoped-query.ts'
import { changeAccountOwners } from './account-owner-change.ts'
import { readCustomerRules } from './customer-rules.ts'

/** Accounts the user holds through claims from the pool (still theirs, not deleted). */
export async function heldClaims(db: Db, workspaceId: string, userId: string): Promise<number> {
  const result = await sql<{ count: string }>`
    select count(*) as count from pool_claims c
    join accounts a on a.workspace_id = c.workspace_id and a.id = c.account_id
    where c.workspace_id = ${workspaceId} and c.user_id = ${userId} and a.owner_id = ${userId} and a.deleted_at is null`.execute(db)
  return Number(result.rows[0].count)
}

/**
 * A rep takes an unowned account. The account row is locked, so of two concurrent claims one wins
 * and the other gets a 409; the rep's user row is locked too, so parallel claims cannot pass the limit.
 */
export async function claimAccount(ctx: RecordContext, id: string): Promise<ApiRecord> {
  const accounts = ctx.catalog.get('accounts')
  assertCan(ctx.actor, accounts, 'read')
  assertCan(ctx.actor, accounts, 'update')
  if (!isUuid(id)) throw new AppError('NOT_FOUND')
  const { workspaceId, userId } = ctx.actor
  await ctx.db.transaction().execute(async (trx) => {
    await sql`select id from users where workspace_id = ${workspaceId} and id = ${userId} for update`.execute(trx)
    const row = await trx.selectFrom('accounts').select(['owner_id']).where('workspace_id', '=', workspaceId).where('id', '=', id)
      .where('deleted_at', 'is', null).forUpdate().executeTakeFirst()
    if (!row) throw new AppError('NOT_FOUND')
    if (row.owner_id !== null) {
      // Taken from the pool by someone (maybe the caller) before us: say so. Otherwise it was never in
      // the pool, and outside the caller's scope it reads as not found, like any other record.
      const claim = await trx.selectFrom('pool_claims').select('user_id').where('workspace_id', '=', workspaceId).where('account_id', '=', id).executeTakeFirst()
      const readable = await scopedSelect(ctx, accounts, { db: trx }).select('id').where('id', '=', id).executeTakeFirst()
      if (!claim && !readable) throw new AppError('NOT_FOUND')
      throw new AppError('CONFLICT', [{ field: 'owner_id', code: row.owner_id === userId ? 'already_yours' : 'already_claimed' }])
    }
    const rules = await readCustomerRules(trx, workspaceId)
    if ((await heldClaims(trx, workspaceId, userId)) >= rules.claim_limit) {
      throw new AppError('CONFLICT', [{ field: 'claim_limit', code: 'claim_limit_reached', params: { limit: rules.claim_limit } }])
    }
    await changeAccountOwners(trx, workspaceId, [{ accountId: id, before: null, after: userId }], { type: 'claimed', actorId: userId, at: nowOf(ctx) })
  })
  return getRecord(ctx, accounts, id)
}

/** The owner, or a manager whose scope reaches the owner, returns the account to the pool. */
export async function releaseAccount(ctx: RecordContext, id: string): Promise<ApiRecord> {
  const accounts = ctx.catalog.get('accounts')
  assertCan(ctx.actor, accounts, 'update')
  if (!isUuid(id)) throw new AppError('NOT_FOUND')
  await ctx.db.transaction().execute(async (trx) => {
    const row = await scopedSelect(ctx, accounts, { db: trx, write: true }).select(['owner_id']).where('id', '=', id).forUpdate().executeTakeFirst()
    if (!row) throw new AppError('NOT_FOUND')
    if (row.owner_id === null) throw new AppError('CONFLICT', [{ field: 'owner_id', code: 'already_in_pool' }])
    const before = row.owner_id as string
    await changeAccountOwners(trx, ctx.actor.workspaceId, [{ accountId: id, before, after: null }], { type: 'released', actorId: ctx.actor.userId, at: nowOf(ctx) })
  })
  return getRecord(ctx, accounts, id)
}
