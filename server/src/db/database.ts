import { Kysely, PostgresDialect, sql } from 'kysely'
import fs from 'node:fs'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { everydayPendingListStatement } from '../search/search-pending-list.ts'
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.ts'
import { installTypeParsers } from './type-parsers.ts'

installTypeParsers()

// Tables are derived from metadata at runtime, so rows are untyped at this layer.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = Kysely<any>

export type Engine = 'postgres' | 'pglite'

/** One query layer over either engine: both are spoken to through `pg`. */
export interface Database {
  db: Db
  engine: Engine
  /**
   * Bulk-loads a file with `COPY <table> (<columns>) FROM <source> WITH (<options>)`, outside any
   * transaction of `db`; resolves to the rows copied. The raw baseline the bench compares imports with.
   */
  copyFromFile(target: string, options: string, filePath: string): Promise<number>
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
    // PGlite is a single session: one connection, so transactions never interleave. It is kept open
    // (no idle timeout): its socket serves one connection at a time, and a reconnect could race the close.
    pool = new pg.Pool({ host: embedded.socketDir, port: embedded.port, user: 'postgres', database: 'postgres', max: 1, idleTimeoutMillis: 0 })
  }
  pool.on('error', (error) => console.error('database connection error', error))
  // Queued ahead of the connection's first query.
  pool.on('connect', (client) => void client.query(everydayPendingListStatement).catch((error: Error) => console.error('database session setting failed', error)))
  const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) })
  await sql`select 1`.execute(db)
  return {
    db,
    engine: embedded ? 'pglite' : 'postgres',
    async copyFromFile(target, copyOptions, filePath) {
      if (embedded) return embedded.copyFromFile(`copy ${target} from '/dev/blob' with (${copyOptions})`, filePath)
      const client = await pool.connect()
      try {
        const stream = client.query(copyFrom(`copy ${target} from stdin with (${copyOptions})`))
        await pipeline(fs.createReadStream(filePath), stream)
        return Number(stream.rowCount)
      } finally {
        client.release()
      }
    },
    async close() {
      await db.destroy()
      await embedded?.stop()
    },
  }
}
