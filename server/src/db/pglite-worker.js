// Runs PGlite in a worker thread behind a PostgreSQL wire-protocol socket, so a long query
// never blocks the HTTP server's event loop and both engines are reached through `pg`.
// Plain JavaScript: a worker thread must start without a TypeScript loader.
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
  if (!message.stop) return
  await server.stop()
  await db.close()
  parentPort.postMessage({ stopped: true })
})
