import { loadConfig } from './config.ts'
import { openDatabase } from './db/database.ts'
import { migrate } from './db/migrator.ts'
import { ensureFirstWorkspace } from './demo/first-start.ts'
import { fillAllDuplicateKeys } from './duplicates/duplicate-columns.ts'
import { buildApp } from './http/app.ts'
import { ensureDefaultPipelines } from './pipelines/default-pipeline.ts'
import { startBackgroundJobs } from './maintenance/background-jobs.ts'
import { standardObjects } from './metadata/objects/index.ts'
import { syncRecordTables } from './metadata/table-schema.ts'
import { ensureWebBuild, webDistDir } from './web/web-build.ts'

const config = loadConfig()
await ensureWebBuild()
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
await migrate(database.db)
await syncRecordTables(database.db)
await ensureDefaultPipelines(database.db)
await ensureFirstWorkspace(database.db, config)

const app = await buildApp({ database, config, now: () => new Date() }, { logger: true, webDistDir })
const jobs = startBackgroundJobs(database.db)
// Records written before the duplicate keys existed get theirs without holding up the start.
fillAllDuplicateKeys(database.db, standardObjects).catch((error) => console.error('duplicate keys', error))
await app.listen({ port: config.port, host: config.host })
console.log(`Rapport is running on http://localhost:${config.port} (${database.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`)

const shutdown = async () => {
  await app.close()
  await jobs.stop()
  await database.close()
  process.exit(0)
}
process.once('SIGINT', shutdown)
process.once('SIGTERM', shutdown)
