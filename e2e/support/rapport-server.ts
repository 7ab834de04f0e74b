import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { loadConfig } from '../../server/src/config.ts'
import { openDatabase, type Database } from '../../server/src/db/database.ts'
import { migrate } from '../../server/src/db/migrator.ts'
import { ensureFirstWorkspace } from '../../server/src/demo/first-start.ts'
import { buildApp } from '../../server/src/http/app.ts'
import { startBackgroundJobs } from '../../server/src/maintenance/background-jobs.ts'
import { syncRecordTables } from '../../server/src/metadata/table-schema.ts'

export const ADMIN_EMAIL = 'admin@rapport-e2e.cn'
export const ADMIN_PASSWORD = 'e2e correct horse battery'

export interface RunningRapport {
  baseUrl: string
  database: Database
  app: FastifyInstance
  close(): Promise<void>
}

/**
 * The server as `npm start` runs it (main.ts's steps, in the same order) on an empty embedded
 * database in a fresh temp folder, demo data off, listening on a free port, serving the web app
 * from `webDistDir` (built once per run by the global setup, so every file tests the same build).
 */
export async function startRapport(webDistDir: string): Promise<RunningRapport> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-e2e-'))
  const config = loadConfig({
    RAPPORT_DATA_DIR: dataDir,
    RAPPORT_DEMO: '0',
    RAPPORT_ADMIN_EMAIL: ADMIN_EMAIL,
    RAPPORT_ADMIN_PASSWORD: ADMIN_PASSWORD,
    PORT: '0',
    HOST: '127.0.0.1',
  })
  const removeData = () => fs.rmSync(dataDir, { recursive: true, force: true })
  let database: Database | undefined
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
    await migrate(database.db)
    await syncRecordTables(database.db)
    await ensureFirstWorkspace(database.db, config)
    const app = await buildApp({ database, config, now: () => new Date() }, { webDistDir })
    const jobs = startBackgroundJobs(database.db)
    await app.listen({ port: config.port, host: config.host })
    const address = app.server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    const opened = database
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      database: opened,
      app,
      async close() {
        await app.close()
        await jobs.stop()
        await opened.close()
        removeData()
      },
    }
  } catch (error) {
    await database?.close().catch(() => {})
    removeData()
    throw error
  }
}
