import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
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
