import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { CompiledQuery } from 'kysely'
import pg from 'pg'
import { loadConfig } from '../server/src/config.ts'
import { createThrowawayPostgres } from '../server/src/db/throwaway-postgres.ts'
import { openDatabase, type Database, type Engine } from '../server/src/db/database.ts'
import { migrate } from '../server/src/db/migrator.ts'
import { buildApp } from '../server/src/http/app.ts'
import { syncRecordTables } from '../server/src/metadata/table-schema.ts'
import { webDistDir } from '../server/src/web/web-build.ts'

/** The PostgreSQL server to create throwaway databases on, if any. */
export const adminDatabaseUrl = () => process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined

/** Runs SQL text with pg-style $n parameters and returns the rows. */
export type RawExecutor = (text: string, parameters: readonly unknown[]) => Promise<Record<string, unknown>[]>

export interface BenchEngine {
  engine: Engine
  database: Database
  app: FastifyInstance
  baseUrl: string
  /** Where the data lives: the throwaway database's name or the PGlite folder. */
  location: string
  /**
   * The "raw SQL" path: a dedicated pg client on PostgreSQL; on PGlite, the server's own pool
   * (PGlite serves one connection, which the server's pool holds), straight to `pg` without Kysely builders.
   */
  raw: RawExecutor
  rawPath: string
  close(): Promise<void>
}

async function openFresh(engine: Engine): Promise<{ database: Database; location: string; url?: string; drop: () => Promise<void> }> {
  if (engine === 'postgres') {
    const adminUrl = adminDatabaseUrl()
    if (!adminUrl) throw new Error('PostgreSQL needs BENCH_DATABASE_URL or TEST_DATABASE_URL')
    const { name, url, drop } = await createThrowawayPostgres(adminUrl, 'rapport_bench')
    try {
      return { database: await openDatabase({ databaseUrl: url, dataDir: '' }), location: `database ${name}`, url, drop }
    } catch (error) {
      await drop()
      throw error
    }
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-'))
  const drop = async () => fs.rmSync(dataDir, { recursive: true, force: true })
  try {
    return { database: await openDatabase({ dataDir }), location: dataDir, drop }
  } catch (error) {
    await drop()
    throw error
  }
}

/** A fresh, migrated database of the engine and the real HTTP server on it (serving the built web app), listening on a free port. */
export async function startBenchEngine(engine: Engine): Promise<BenchEngine> {
  const { database, location, url, drop } = await openFresh(engine)
  let app: FastifyInstance | undefined
  let client: pg.Client | undefined
  try {
    await migrate(database.db)
    await syncRecordTables(database.db)
    app = await buildApp({ database, config: { ...loadConfig({}), port: 0 }, now: () => new Date() }, { webDistDir })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    let raw: RawExecutor
    let rawPath: string
    if (url) {
      const dedicated = new pg.Client({ connectionString: url })
      await dedicated.connect()
      client = dedicated
      raw = async (text, parameters) => (await dedicated.query(text, [...parameters])).rows
      rawPath = 'dedicated pg.Client'
    } else {
      raw = async (text, parameters) => (await database.db.executeQuery(CompiledQuery.raw(text, [...parameters]))).rows as Record<string, unknown>[]
      rawPath = "server's pg pool (PGlite serves one connection)"
    }
    const opened = app
    return {
      engine, database, app: opened, baseUrl, location, raw, rawPath,
      async close() {
        await client?.end().catch(() => {})
        await opened.close().catch(() => {})
        await database.close().catch(() => {})
        await drop()
      },
    }
  } catch (error) {
    await client?.end().catch(() => {})
    await app?.close().catch(() => {})
    await database.close().catch(() => {})
    await drop()
    throw error
  }
}
