import { openTestDatabase } from '/work/main/server/src/test-support/test-database.ts'
import { syncRecordTables } from '/work/main/server/src/metadata/table-schema.ts'
let t = Date.now()
const db = await openTestDatabase('pglite', { migrate: false })
console.log('open', Date.now() - t); t = Date.now()
const { migrate } = await import('/work/main/server/src/db/migrator.ts')
await migrate(db.db)
console.log('migrate', Date.now() - t); t = Date.now()
await syncRecordTables(db.db)
console.log('sync', Date.now() - t); t = Date.now()
await syncRecordTables(db.db)
console.log('sync again', Date.now() - t); t = Date.now()
await db.close()
