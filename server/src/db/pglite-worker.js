// Runs PGlite in a worker thread behind a PostgreSQL wire-protocol socket, so a long query
// never blocks the HTTP server's event loop and both engines are reached through `pg`.
// Plain JavaScript: a worker thread must start without a TypeScript loader.
import { openAsBlob } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

const { dataDir, socketPath, checkpoints } = workerData

// PGlite runs PostgreSQL as a single backend (--single): it has no checkpointer, and a single
// backend never checkpoints when the WAL passes max_wal_size, so pg_wal would keep every write since
// the start (9.4 GB after importing a million contacts). The worker checkpoints the way PostgreSQL's
// checkpointer does: once enough WAL has been written, or some minutes after the last checkpoint.
const { everyMs = 10_000, walBytes = 256 * 2 ** 20, timeoutMs = 5 * 60_000 } = checkpoints ?? {}
const startParams = [...PGlite.defaultStartParams, '-c', 'max_wal_size=512MB']

const db = await PGlite.create(dataDir, { extensions: { btree_gin }, startParams })
const server = new PGLiteSocketServer({ db, path: socketPath })
await server.start()
parentPort.postMessage({ ready: true })

let lastCheckpoint = Date.now()
let checking = false
async function checkpointWhenDue() {
  const { rows } = await db.query('select (pg_current_wal_lsn() - (pg_control_checkpoint()).redo_lsn)::float8 as pending')
  const pending = rows[0].pending
  // A checkpoint's own record is a few bytes: an idle database is left alone.
  if (pending >= walBytes || (pending > 2 ** 20 && Date.now() - lastCheckpoint >= timeoutMs)) {
    await db.query('checkpoint')
    lastCheckpoint = Date.now()
  }
}
// Checks wait behind a long query rather than pile up behind it.
const checkpointer = setInterval(() => {
  if (checking) return
  checking = true
  checkpointWhenDue().catch(() => {}).finally(() => (checking = false))
}, everyMs)

parentPort.on('message', async (message) => {
  // COPY … FROM '/dev/blob' of a file: PGlite's bulk load, which its wire-protocol socket cannot carry (the bench's raw baseline).
  if (message.copyFromFile) {
    const { statement, filePath, id } = message.copyFromFile
    try {
      const result = await db.query(statement, [], { blob: await openAsBlob(filePath) })
      parentPort.postMessage({ copied: { id, rows: result.affectedRows ?? 0 } })
    } catch (error) {
      parentPort.postMessage({ copied: { id, error: error.message } })
    }
    return
  }
  if (!message.stop) return
  clearInterval(checkpointer)
  await server.stop()
  await db.close()
  parentPort.postMessage({ stopped: true })
})
