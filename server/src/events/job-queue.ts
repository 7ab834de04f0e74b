import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Db } from '../db/database.ts'

export type JobStatus = 'pending' | 'done' | 'dead'

export interface JobInput {
  workspaceId: string
  type: string
  payload?: unknown
  /** Not before this time; defaults to the database's now() (the enqueuing transaction's start). */
  runAt?: Date
  maxAttempts?: number
  /** At most one pending job with this key per workspace: a second enqueue is dropped. */
  dedupeKey?: string | null
}

export interface Job {
  id: string
  workspaceId: string
  type: string
  payload: unknown
  runAt: Date
  attempts: number
  maxAttempts: number
  status: JobStatus
  lockedUntil: Date | null
  lastError: string | null
  dedupeKey: string | null
  createdAt: Date
  finishedAt: Date | null
}

/** Enqueues one job inside the caller's transaction. Returns its id, or null when a pending job with the same dedupeKey exists. */
export async function enqueueJob(trx: Db, job: JobInput): Promise<string | null> {
  return (await enqueueJobs(trx, [job]))[0]
}

/**
 * Enqueues many jobs in one statement (arrays unnested server-side, so thousands cost one round trip
 * and no parameter limit applies). Returns each job's id, or null where its dedupeKey was taken.
 */
export async function enqueueJobs(trx: Db, jobs: JobInput[]): Promise<(string | null)[]> {
  if (jobs.length === 0) return []
  const ids = jobs.map(() => uuidv7())
  // Explicit JSON text: pg would turn a JS array payload into a PostgreSQL array literal.
  const payloads = jobs.map((job) => JSON.stringify(job.payload ?? {}))
  const inserted = await sql<{ id: string }>`
    insert into jobs (workspace_id, id, type, payload, run_at, max_attempts, dedupe_key)
    select workspace_id, id, type, payload::jsonb, coalesce(run_at, now()), coalesce(max_attempts, 10), dedupe_key
    from unnest(
      ${jobs.map((job) => job.workspaceId)}::uuid[], ${ids}::uuid[], ${jobs.map((job) => job.type)}::text[],
      ${payloads}::text[], ${jobs.map((job) => job.runAt ?? null)}::timestamptz[],
      ${jobs.map((job) => job.maxAttempts ?? null)}::integer[], ${jobs.map((job) => job.dedupeKey ?? null)}::text[]
    ) as input(workspace_id, id, type, payload, run_at, max_attempts, dedupe_key)
    on conflict (workspace_id, dedupe_key) where status = 'pending' and dedupe_key is not null do nothing
    returning id`.execute(trx)
  const insertedIds = new Set(inserted.rows.map((row) => row.id))
  return ids.map((id) => (insertedIds.has(id) ? id : null))
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function toJob(row: any): Job {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    type: row.type,
    payload: row.payload,
    runAt: row.run_at,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    status: row.status,
    lockedUntil: row.locked_until,
    lastError: row.last_error,
    dedupeKey: row.dedupe_key,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  }
}
