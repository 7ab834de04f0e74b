import { setTimeout as sleep } from 'node:timers/promises'
import { sql } from 'kysely'
import type { Db } from '../../db/database.ts'
import { registerEventSubscriber } from '../event-subscribers.ts'

/** Shared by the kill test and its child process, so both enqueue and run the same job type. */
export const KILL_TEST_OBJECT = 'kill_test'

/** No unique constraint on purpose: an event applied twice shows as two rows. */
export async function createKillTestTable(db: Db): Promise<void> {
  await sql`create table kill_test_effects (workspace_id uuid not null, event_id uuid not null, applied_at timestamptz not null default clock_timestamp())`.execute(db)
}

/** Writes one effect row per event; `onEffect` runs after the write, just before the job's transaction commits. */
export function registerKillTestSubscriber(options: { delayMs?: number; onEffect?: () => void } = {}): () => void {
  return registerEventSubscriber({
    name: 'kill-test',
    objects: [KILL_TEST_OBJECT],
    async handle(trx, event) {
      if (options.delayMs) await sleep(options.delayMs)
      await trx.insertInto('kill_test_effects').values({ workspace_id: event.workspaceId, event_id: event.id }).execute()
      // Last, so a kill sent on this signal lands while the runner commits the job or starts the next one.
      options.onEffect?.()
    },
  })
}
