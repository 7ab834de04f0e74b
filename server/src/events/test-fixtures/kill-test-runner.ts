// Child process of job-runner-kill.test.ts: runs the job runner over the kill test's events until none
// is pending, printing "effect" per handled event so the parent can SIGKILL it in the middle of a batch.
// Usage: node --import tsx kill-test-runner.ts (--url <postgres url> | --data-dir <PGlite folder>)
import { setTimeout as sleep } from 'node:timers/promises'
import { openDatabase } from '../../db/database.ts'
import { createJobRunner } from '../job-runner.ts'
import { registerKillTestSubscriber } from './kill-test-subscriber.ts'

const [flag, value] = process.argv.slice(2)
if (!value || (flag !== '--url' && flag !== '--data-dir')) throw new Error('usage: kill-test-runner.ts (--url URL | --data-dir DIR)')
const database = await openDatabase(flag === '--url' ? { databaseUrl: value, dataDir: '' } : { dataDir: value })
registerKillTestSubscriber({ delayMs: 5, onEffect: () => process.stdout.write('effect\n') })
// A short lease, so a restarted run soon re-claims what the killed one had claimed.
const runner = createJobRunner(database.db, { batchSize: 50, leaseMs: 1_000 })
for (;;) {
  const ran = await runner.runOnce()
  const { pending } = await database.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('pending')).where('status', '=', 'pending').executeTakeFirstOrThrow()
  if (pending === 0) break
  // Jobs claimed by a killed run stay leased for leaseMs: wait them out.
  if (ran === 0) await sleep(100)
}
await database.close()
process.stdout.write('finished\n')
