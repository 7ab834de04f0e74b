import { openDatabase, type Database, type Engine } from '../db/database.ts'
import { migrate } from '../db/migrator.ts'
import { createThrowawayPostgres } from '../db/throwaway-postgres.ts'

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL points at a server. */
export const testEngines: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']

/** A fresh, empty, migrated database of the given engine, removed again by `close()`. */
export async function openTestDatabase(engine: Engine, options: { migrate?: boolean } = {}): Promise<Database & { url?: string }> {
  let database: Database
  let url: string | undefined
  let drop = async () => {}
  if (engine === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL
    if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set')
    const throwaway = await createThrowawayPostgres(adminUrl, 'rapport_test')
    url = throwaway.url
    database = await openDatabase({ databaseUrl: url, dataDir: '' })
    drop = throwaway.drop
  } else {
    database = await openDatabase({ dataDir: 'memory://' })
  }
  if (options.migrate !== false) await migrate(database.db)
  return {
    ...database,
    url,
    async close() {
      await database.close()
      await drop()
    },
  }
}
