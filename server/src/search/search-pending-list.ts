import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'

/**
 * The search index is a GIN index with a pending list (fastupdate): new rows' keys are appended to it
 * and merged into the index in bulk once it outgrows the writing session's `gin_pending_list_limit`.
 * Every search also reads the whole pending list, so everyday writes keep it small; an import lets it
 * grow to 4 MB, where merging costs a third as much per row, and merges what is left when it ends.
 * PGlite has no autovacuum to merge it in the background.
 */
export const EVERYDAY_PENDING_LIST = '256kB'
export const BULK_PENDING_LIST = '4MB'

export const searchIndexName = (object: Pick<ObjectSchema, 'table'>) => `${object.table}_search_keys_idx`

/** Every new connection's default (the index itself sets no limit, so the session's applies). */
export const everydayPendingListStatement = `set gin_pending_list_limit = '${EVERYDAY_PENDING_LIST}'`

/** For the rest of this transaction: the bulk limit, for a batch of an import or a revert. */
export async function useBulkPendingList(trx: Db): Promise<void> {
  await sql.raw(`set local gin_pending_list_limit = '${BULK_PENDING_LIST}'`).execute(trx)
}

/**
 * Merges the object's pending search keys into its index, so searches stop reading them one by one.
 * Only the index's owner may: a database role that does not own it leaves the merge to autovacuum,
 * and the import's transaction carries on (the exception block is its own subtransaction).
 */
export async function mergePendingSearchKeys(db: Db, object: Pick<ObjectSchema, 'table'>): Promise<void> {
  const index = searchIndexName(object)
  if (!/^[a-z_][a-z0-9_]*$/.test(index)) throw new Error(`unsafe index name ${index}`)
  await sql.raw(`do $$ begin perform gin_clean_pending_list('${index}'::regclass); exception when insufficient_privilege then null; end $$`).execute(db)
}
