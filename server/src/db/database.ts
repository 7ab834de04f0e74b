import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.ts'

// DATE stays 'YYYY-MM-DD' text (pg would turn it into a local-midnight Date); BIGINT counts become numbers.
pg.types.setTypeParser(1082, (value) => value)
pg.types.setTypeParser(20, (value) => Number(value))

// Tables are derived from metadata at runtime, so rows are untyped at this layer.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = Kysely<any>

export type Engine = 'postgres' | 'pglite'

/** One query layer over either engine: both are spoken to through `pg`. */
export interface Database {
  db: Db
  engine: Engine
  close(): Promise<void>
}

export interface DatabaseOptions {
  databaseUrl?: string
  dataDir: string
  poolSize?: number
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined
  let pool: pg.Pool
  if (options.databaseUrl) {
    pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 })
  } else {
    embedded = await startEmbeddedPostgres(options.dataDir)
    // PGlite is a single session: one connection, so transactions never interleave.
    pool = new pg.Pool({ host: embedded.socketDir, port: embedded.port, user: 'postgres', database: 'postgres', max: 1 })
  }
  pool.on('error', (error) => console.error('database connection error', error))
  const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) })
  await sql`select 1`.execute(db)
  return {
    db,
    engine: embedded ? 'pglite' : 'postgres',
    async close() {
      await db.destroy()
      await embedded?.stop()
    },
  }
}
