import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { loadEvent } from './event-log.ts'
import { EVENT_JOB_PREFIX, eventJobType, eventSubscriber, eventSubscribers } from './event-subscribers.ts'
import { enqueueJobs, toJob, type Job } from './job-queue.ts'
import { exponentialBackoff, type Backoff } from './retry-backoff.ts'

/**
 * Runs in the job's own transaction. Write through `trx` only: those writes commit together with the
 * job's completion (or not at all). Using the pool instead would deadlock on PGlite's single connection.
 */
export type JobHandler = (trx: Db, job: Job) => Promise<void>

export interface RecurringJob {
  type: string
  everyMs: number
  /** Defaults to SYSTEM_WORKSPACE_ID, for jobs that belong to no workspace. */
  workspaceId?: string
  payload?: unknown
  maxAttempts?: number
}

/** Owner of jobs that belong to no workspace (recurring maintenance). */
export const SYSTEM_WORKSPACE_ID = '00000000-0000-0000-0000-000000000000'

export interface JobRunnerOptions {
  handlers?: Record<string, JobHandler>
  /** Jobs claimed per poll. */
  batchSize?: number
  /** Wait between polls when the last one found less than a full batch. */
  pollIntervalMs?: number
  /** How long a claimed job stays invisible to other pollers; after a crash, its job runs again after this. */
  leaseMs?: number
  /** The only time source: every due/lease comparison uses it (never SQL now()), so tests control time. */
  clock?: () => Date
  backoff?: Backoff
  /** Schedules kept alive: exactly one pending job per (workspace, type), run again everyMs after it finishes. */
  recurring?: RecurringJob[] | (() => RecurringJob[] | Promise<RecurringJob[]>)
  /** Failures of the runner itself and of jobs; console.error by default. */
  onError?: (error: unknown, job?: Job) => void
}

export interface JobRunner {
  /** Polls in the background until stop(). */
  start(): void
  /** Lets the in-flight job finish, hands the rest of its batch back, and resolves when the loop has ended. */
  stop(): Promise<void>
  /** One poll: claims a batch and runs it. Resolves to the number of jobs run (succeeded or failed). */
  runOnce(): Promise<number>
}

const MAX_ERROR_LENGTH = 4_000

export function createJobRunner(db: Db, options: JobRunnerOptions = {}): JobRunner {
  const handlers = options.handlers ?? {}
  const batchSize = options.batchSize ?? 20
  const pollIntervalMs = options.pollIntervalMs ?? 1_000
  const leaseMs = options.leaseMs ?? 60_000
  const clock = options.clock ?? (() => new Date())
  const backoff = options.backoff ?? exponentialBackoff()
  const onError = options.onError ?? ((error: unknown, job?: Job) => console.error(job ? `job ${job.type} ${job.id} failed` : 'job runner failed', error))

  let recurring: RecurringJob[] = []
  let stopping = false
  let loop: Promise<void> | undefined
  let wake: (() => void) | undefined

  function handlerFor(type: string): JobHandler | undefined {
    if (Object.hasOwn(handlers, type)) return handlers[type]
    if (!type.startsWith(EVENT_JOB_PREFIX)) return undefined
    const subscriber = eventSubscriber(type.slice(EVENT_JOB_PREFIX.length))
    if (!subscriber) return undefined
    return async (trx, job) => {
      const eventId = (job.payload as { eventId?: string } | null)?.eventId
      const event = eventId ? await loadEvent(trx, job.workspaceId, eventId) : undefined
      if (!event) throw new Error(`event ${eventId} of job ${job.id} not found`)
      await subscriber.handle(trx, event)
    }
  }

  // Only types this process can run are claimed, so runners with different handlers can share the queue.
  function handledTypes(): string[] {
    return [...Object.keys(handlers), ...eventSubscribers().map(eventJobType)]
  }

  function recurringKey(type: string): string {
    return `recurring:${type}`
  }

  function recurringSpec(job: Job): RecurringJob | undefined {
    if (job.dedupeKey !== recurringKey(job.type)) return undefined
    return recurring.find((spec) => spec.type === job.type && (spec.workspaceId ?? SYSTEM_WORKSPACE_ID) === job.workspaceId)
  }

  async function scheduleRecurring(trx: Db, specs: RecurringJob[], runAt: (spec: RecurringJob) => Date): Promise<void> {
    await enqueueJobs(
      trx,
      specs.map((spec) => ({
        workspaceId: spec.workspaceId ?? SYSTEM_WORKSPACE_ID,
        type: spec.type,
        payload: spec.payload,
        runAt: runAt(spec),
        maxAttempts: spec.maxAttempts,
        dedupeKey: recurringKey(spec.type),
      })),
    )
  }

  // Every poll, so a schedule comes back even after its job went dead or was deleted; the dedupe key makes it a no-op otherwise.
  async function ensureRecurring(): Promise<void> {
    if (!options.recurring) return
    recurring = typeof options.recurring === 'function' ? await options.recurring() : options.recurring
    for (const spec of recurring) {
      if (!handlerFor(spec.type)) throw new Error(`recurring job ${spec.type} has no handler`)
    }
    const now = clock()
    await scheduleRecurring(db, recurring, () => now)
  }

  /**
   * One statement, so one short transaction. A job whose lease ran out on its last attempt (its runner
   * died) is marked dead here rather than run beyond max_attempts.
   */
  async function claim(): Promise<Job[]> {
    const types = handledTypes()
    if (types.length === 0) return []
    const now = clock()
    const lockedUntil = new Date(now.getTime() + leaseMs)
    const result = await sql`
      with due as (
        select workspace_id, id from jobs
        where status = 'pending' and run_at <= ${now} and (locked_until is null or locked_until <= ${now})
          and type = any(${types}::text[])
        order by run_at
        limit ${batchSize}
        for update skip locked
      )
      update jobs set
        attempts = case when jobs.attempts >= jobs.max_attempts then jobs.attempts else jobs.attempts + 1 end,
        status = case when jobs.attempts >= jobs.max_attempts then 'dead' else 'pending' end,
        locked_until = case when jobs.attempts >= jobs.max_attempts then null else ${lockedUntil}::timestamptz end,
        finished_at = case when jobs.attempts >= jobs.max_attempts then ${now}::timestamptz end,
        last_error = case when jobs.attempts >= jobs.max_attempts
          then 'lease expired during the last attempt: the runner stopped before finishing it' else jobs.last_error end
      from due
      where jobs.workspace_id = due.workspace_id and jobs.id = due.id
      returning jobs.*`.execute(db)
    return result.rows
      .map(toJob)
      .filter((job) => job.status === 'pending')
      .sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id.localeCompare(b.id))
  }

  /**
   * The handler's writes and the job's completion commit in one transaction. The job row is locked first
   * and must still carry our attempt number: if our lease ran out and another runner claimed the job,
   * we skip it, and while we hold the lock no other runner can claim it. So a committed job never runs again.
   */
  async function runJob(job: Job): Promise<void> {
    try {
      await db.transaction().execute(async (trx) => {
        const mine = await sql`
          select 1 from jobs
          where workspace_id = ${job.workspaceId} and id = ${job.id} and status = 'pending' and attempts = ${job.attempts}
          for update skip locked`.execute(trx)
        if (mine.rows.length === 0) return
        const handler = handlerFor(job.type)
        if (!handler) throw new Error(`no handler for job type ${job.type}`)
        await handler(trx, job)
        const finishedAt = clock()
        await sql`
          update jobs set status = 'done', finished_at = ${finishedAt}, locked_until = null
          where workspace_id = ${job.workspaceId} and id = ${job.id}`.execute(trx)
        const spec = recurringSpec(job)
        if (spec) await scheduleRecurring(trx, [spec], () => new Date(finishedAt.getTime() + spec.everyMs))
      })
    } catch (error) {
      onError(error, job)
      try {
        await recordFailure(job, error)
      } catch (recordError) {
        // The lease still runs out, so the job is retried all the same.
        onError(recordError, job)
      }
    }
  }

  // After the rollback: the handler's writes are gone, only the failure is recorded.
  async function recordFailure(job: Job, error: unknown): Promise<void> {
    const now = clock()
    const retryAt = new Date(now.getTime() + backoff(job.attempts))
    const message = (error instanceof Error ? (error.stack ?? error.message) : String(error)).slice(0, MAX_ERROR_LENGTH)
    await db.transaction().execute(async (trx) => {
      const result = await sql<{ status: string }>`
        update jobs set
          status = case when attempts >= max_attempts then 'dead' else 'pending' end,
          run_at = case when attempts >= max_attempts then run_at else ${retryAt}::timestamptz end,
          finished_at = case when attempts >= max_attempts then ${now}::timestamptz end,
          locked_until = null,
          last_error = ${message}
        where workspace_id = ${job.workspaceId} and id = ${job.id} and status = 'pending' and attempts = ${job.attempts}
        returning status`.execute(trx)
      // A dead run of a recurring job must not end the schedule.
      const spec = recurringSpec(job)
      if (spec && result.rows[0]?.status === 'dead') await scheduleRecurring(trx, [spec], () => new Date(now.getTime() + spec.everyMs))
    })
  }

  // Claimed but not started (we are stopping): hand them back now, and take back the attempt they never had.
  async function release(jobs: Job[]): Promise<void> {
    if (jobs.length === 0) return
    await sql`
      update jobs set attempts = jobs.attempts - 1, locked_until = null
      from unnest(${jobs.map((job) => job.workspaceId)}::uuid[], ${jobs.map((job) => job.id)}::uuid[], ${jobs.map((job) => job.attempts)}::integer[])
        as mine(workspace_id, id, attempts)
      where jobs.workspace_id = mine.workspace_id and jobs.id = mine.id and jobs.attempts = mine.attempts and jobs.status = 'pending'`.execute(db)
  }

  async function runOnce(): Promise<number> {
    await ensureRecurring()
    const jobs = await claim()
    let ran = 0
    for (const job of jobs) {
      if (stopping) {
        await release(jobs.slice(ran))
        break
      }
      await runJob(job)
      ran++
    }
    return ran
  }

  return {
    start() {
      if (loop) return
      stopping = false
      loop = (async () => {
        while (!stopping) {
          let ran = 0
          try {
            ran = await runOnce()
          } catch (error) {
            onError(error)
          }
          // Jobs ran, so more may be due (a full batch, or jobs those jobs enqueued, like an import's next batch): poll again at once.
          if (stopping || ran > 0) continue
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, pollIntervalMs)
            wake = () => {
              clearTimeout(timer)
              resolve()
            }
          })
          wake = undefined
        }
      })()
    },
    async stop() {
      stopping = true
      wake?.()
      await loop
      loop = undefined
      stopping = false
    },
    runOnce,
  }
}
