import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { startEmbeddedPostgres } from './embedded-postgres.ts'

describe('embedded database folder lock', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-lock-'))
  afterEach(() => fs.rmSync(path.join(dir, 'rapport.lock'), { force: true }))

  it('refuses a folder another live process holds, and takes over a stale lock', async () => {
    fs.writeFileSync(path.join(dir, 'rapport.lock'), String(process.ppid))
    await expect(startEmbeddedPostgres(dir)).rejects.toThrow(/in use by process/)
    fs.writeFileSync(path.join(dir, 'rapport.lock'), '2147483646')
    const embedded = await startEmbeddedPostgres(dir)
    expect(fs.readFileSync(path.join(dir, 'rapport.lock'), 'utf8')).toBe(String(process.pid))
    await embedded.stop()
    expect(fs.existsSync(path.join(dir, 'rapport.lock'))).toBe(false)
    fs.rmSync(dir, { recursive: true, force: true })
  })
})

describe('embedded database checkpoints', () => {
  it('checkpoints as the WAL grows, so pg_wal stays bounded however much is written, even inside open transactions', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-wal-'))
    const embedded = await startEmbeddedPostgres(dir, { everyMs: 50, walBytes: 32 * 2 ** 20 })
    const client = new pg.Client({ host: embedded.socketDir, port: embedded.port, user: 'postgres', database: 'postgres' })
    try {
      await client.connect()
      const lsn = async () => (await client.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn')).rows[0].lsn
      const pending = async () => Number((await client.query('select (pg_current_wal_lsn() - (pg_control_checkpoint()).redo_lsn)::float8 as pending')).rows[0].pending)
      /** The WAL pending once the worker had up to 10 s to checkpoint it. */
      const checkpointed = async () => {
        for (let waited = 0; (await pending()) >= 32 * 2 ** 20 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50))
        return pending()
      }
      const start = await lsn()
      await client.query('create table filler (id int, body text)')
      for (let round = 0; round < 5; round++) {
        await client.query(`insert into filler select g, repeat('x', 200) from generate_series(1, 200000) g`)
        expect(await checkpointed()).toBeLessThan(32 * 2 ** 20)
      }
      // A checkpoint that falls inside a client's open transaction leaves it working.
      await client.query('begin')
      await client.query(`insert into filler select g, repeat('y', 200) from generate_series(1, 200000) g`)
      expect(await checkpointed()).toBeLessThan(32 * 2 ** 20)
      await client.query(`insert into filler values (0, 'last')`)
      await client.query('commit')
      expect(Number((await client.query('select count(*) from filler')).rows[0].count)).toBe(1_200_001)
      const written = Number((await client.query('select ($1::pg_lsn - $2::pg_lsn)::float8 as bytes', [await lsn(), start])).rows[0].bytes)
      const kept = fs.readdirSync(path.join(dir, 'pg_wal')).filter((name) => /^[0-9A-F]{24}$/.test(name)).length * 16 * 2 ** 20
      expect(written).toBeGreaterThan(250 * 2 ** 20)
      expect(kept).toBeLessThan(written / 2)
    } finally {
      await client.end().catch(() => {})
      await embedded.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
