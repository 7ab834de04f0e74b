// Runs PGlite in a worker thread behind a PostgreSQL wire-protocol socket, so a long query
// never blocks the HTTP server's event loop and both engines are reached through `pg`.
// Plain JavaScript: a worker thread must start without a TypeScript loader.
import { openAsBlob } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

const { dataDir, socketPath } = workerData

const db = await PGlite.create(dataDir, { extensions: { btree_gin } })
const server = new PGLiteSocketServer({ db, path: socketPath })
await server.start()
parentPort.postMessage({ ready: true })

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
  await server.stop()
  await db.close()
  parentPort.postMessage({ stopped: true })
})
