import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** A new, empty PostgreSQL database on the server of `adminUrl`, for tests and benchmarks, and how to drop it. */
export async function createThrowawayPostgres(adminUrl: string, prefix: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    try {
      await client.query(statement)
    } finally {
      await client.end()
    }
  }
  await run(`create database ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return { name, url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) }
}
