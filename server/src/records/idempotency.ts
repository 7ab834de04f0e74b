import { createHash } from 'node:crypto'
import { AppError } from '../errors/app-error.ts'
import type { Db } from '../db/database.ts'
import type { Actor } from '../access/actor.ts'

export interface StoredResponse {
  status: number
  body: unknown
}

const MAX_KEY_LENGTH = 200

/**
 * Runs `create` once per Idempotency-Key: a repeated key with the same request gets the first
 * response back; the same key with a different request is refused. The key is stored in the
 * create's own transaction, so a failed create leaves the key unused.
 */
export async function withIdempotency(
  db: Db,
  actor: Actor,
  key: string | undefined,
  request: unknown,
  create: (trx: Db) => Promise<StoredResponse>,
): Promise<StoredResponse> {
  if (key === undefined) return db.transaction().execute(create)
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) throw new AppError('VALIDATION_FAILED', [{ field: 'Idempotency-Key', code: 'too_long', params: { max: MAX_KEY_LENGTH } }])
  const requestHash = createHash('sha256').update(JSON.stringify(request ?? null)).digest('hex')
  const previous = async (trx: Db) => trx.selectFrom('idempotency_keys').selectAll().where('workspace_id', '=', actor.workspaceId).where('key', '=', key).executeTakeFirst()
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const replay = (row: Record<string, any>) => {
    if (row.request_hash !== requestHash || row.user_id !== actor.userId) throw new AppError('IDEMPOTENCY_MISMATCH')
    return { status: row.status, body: row.response }
  }
  const existing = await previous(db)
  if (existing) return replay(existing)
  try {
    return await db.transaction().execute(async (trx) => {
      const response = await create(trx)
      await trx.insertInto('idempotency_keys').values({
        workspace_id: actor.workspaceId, key, user_id: actor.userId, request_hash: requestHash, status: response.status, response: JSON.stringify(response.body),
      }).execute()
      return response
    })
  } catch (error) {
    // A concurrent request with the same key won the race: answer as it did.
    const winner = await previous(db)
    if (winner) return replay(winner)
    throw error
  }
}
