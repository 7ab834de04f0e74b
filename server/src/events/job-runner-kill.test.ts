import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database, type Db } from '../db/database.ts'
import { migrate } from '../db/migrator.ts'
import { openTestDatabase, testEngines } from '../test-support/test-database.ts'
import { appendEvents } from './event-log.ts'
import { clearEventSubscribers } from './event-subscribers.ts'
import { createKillTestTable, KILL_TEST_OBJECT, registerKillTestSubscriber } from './test-fixtures/kill-test-subscriber.ts'

const EVENTS = 300
// The child claims batches of 50: killing it after 120 handled events lands in the middle of the third.
const KILL_AFTER_EFFECTS = 120
const KILL_AGAIN_AFTER_EFFECTS = [40, 40]
const CHILD_SCRIPT = fileURLToPath(new URL('./test-fixtures/kill-test-runner.ts', import.meta.url))
// `--import tsx` is resolved from the working directory: the repository root.
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

interface ChildRun {
  code: number | null
  signal: NodeJS.Signals | null
  effects: number
  stderr: string
}

describe.each(testEngines)('job runner killed mid-batch on %s', (engine) => {
  let scratch: string
  let postgres: (Database & { url?: string }) | undefined

  beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-kill-'))
  })
  afterEach(() => clearEventSubscribers())
  afterAll(async () => {
    await postgres?.close()
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true })
  })

  // PGlite: one process at a time on a data dir, and nothing enforces it (its postmaster.pid always holds
  // the WASM pid 42, which every PGlite takes for its own stale lock), so the parent opens the folder only
  // while no child runs. PostgreSQL: the parent stays connected.
  async function withDatabase<T>(use: (db: Db) => Promise<T>): Promise<T> {
    if (postgres) return use(postgres.db)
    const database = await openDatabase({ dataDir: path.join(scratch, 'data') })
    try {
      return await use(database.db)
    } finally {
      await database.close()
    }
  }

  function runChild(killAfterEffects?: number): Promise<ChildRun> {
    const target = postgres ? ['--url', postgres.url!] : ['--data-dir', path.join(scratch, 'data')]
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT, ...target], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      // A SIGKILLed child cannot remove its PGlite socket folder: keep those in our scratch folder.
      env: { ...process.env, TMPDIR: scratch },
    })
    let effects = 0
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line !== 'effect') return
      effects++
      if (killAfterEffects !== undefined && effects === killAfterEffects) child.kill('SIGKILL')
    })
    // A hung child must fail the test, not hang it.
    const timeout = setTimeout(() => child.kill('SIGKILL'), 120_000)
    return new Promise((resolve) =>
      child.on('close', (code, signal) => {
        clearTimeout(timeout)
        resolve({ code, signal, effects, stderr })
      }),
    )
  }

  async function state(db: Db) {
    const effects = await db.selectFrom('kill_test_effects').select('event_id').execute()
    const jobs = await db.selectFrom('jobs').select(['status', 'attempts', 'locked_until']).execute()
    return { effects: effects.map((row) => row.event_id as string), jobs }
  }

  it('loses and repeats no event when SIGKILLed mid-batch and restarted', async () => {
    let eventIds: string[] = []
    const setUp = async (db: Db) => {
      await createKillTestTable(db)
      // Registered only while appending, so the parent enqueues the jobs but never runs one.
      const unregister = registerKillTestSubscriber()
      const workspaceId = uuidv7()
      eventIds = await db.transaction().execute((trx) =>
        appendEvents(
          trx,
          Array.from({ length: EVENTS }, () => ({ workspaceId, object: KILL_TEST_OBJECT, recordId: uuidv7(), type: 'created' })),
        ),
      )
      unregister()
    }
    if (engine === 'postgres') {
      postgres = await openTestDatabase('postgres')
      await setUp(postgres.db)
    } else {
      await withDatabase(async (db) => {
        await migrate(db)
        await setUp(db)
      })
    }

    const killed = await runChild(KILL_AFTER_EFFECTS)
    expect(killed.signal, killed.stderr).toBe('SIGKILL')
    const afterKill = await withDatabase(state)
    // Killed in the middle: some effects committed, not all, and claimed jobs were left unfinished.
    expect(afterKill.effects.length).toBeGreaterThan(0)
    expect(afterKill.effects.length).toBeLessThan(EVENTS)
    expect(afterKill.jobs.filter((job) => job.status === 'pending' && job.locked_until !== null).length).toBeGreaterThan(0)
    expect(new Set(afterKill.effects).size).toBe(afterKill.effects.length)

    // Killed again after restarting, twice: each kill is another chance to land between a handler's write
    // and its job's completion, which only an atomic commit of both survives.
    for (const killAfter of KILL_AGAIN_AFTER_EFFECTS) {
      const again = await runChild(killAfter)
      expect(again.signal, again.stderr).toBe('SIGKILL')
    }

    const resumed = await runChild()
    expect(resumed.code, resumed.stderr).toBe(0)
    const final = await withDatabase(state)
    expect(final.effects).toHaveLength(EVENTS)
    expect(new Set(final.effects)).toEqual(new Set(eventIds))
    expect(final.jobs.filter((job) => job.status !== 'done')).toEqual([])
    // The jobs that were claimed but unfinished at a kill ran again after their lease, as later attempts.
    expect(final.jobs.filter((job) => job.attempts > 1).length).toBeGreaterThan(0)
    // Four PGlite start-ups in child processes and three in the parent: slow on a busy two-core machine.
  }, 240_000)
})
