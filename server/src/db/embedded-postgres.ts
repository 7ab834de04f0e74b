import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

/** An embedded PGlite served on a private Unix socket by a worker thread. */
export interface EmbeddedPostgres {
  /** Directory holding the socket, to pass to `pg` as `host`. */
  socketDir: string
  port: number
  /** Runs `COPY … FROM '/dev/blob'` with the file as the blob; resolves to the rows copied. */
  copyFromFile(statement: string, filePath: string): Promise<number>
  stop(): Promise<void>
}

const SOCKET_PORT = 5432

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * PGlite cannot tell that another process has its data folder open (inside WASM every process is
 * pid 42), and two writers would corrupt it: a lock file with our real pid keeps it to one process.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'rapport.lock')
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' })
  } catch {
    const holder = Number(fs.readFileSync(lockFile, 'utf8'))
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(`The database folder ${dataDir} is in use by process ${holder}. Stop it first, or set RAPPORT_DATA_DIR to another folder.`)
    }
    fs.writeFileSync(lockFile, String(process.pid))
  }
  return () => fs.rmSync(lockFile, { force: true })
}

/** When the worker checkpoints (PGlite has no checkpointer of its own): see pglite-worker.js. */
export interface CheckpointPolicy {
  /** How often the WAL written since the last checkpoint is looked at. */
  everyMs?: number
  /** Checkpoint once this much WAL has been written since the last one. */
  walBytes?: number
  /** Checkpoint this long after the last one if anything was written. */
  timeoutMs?: number
}

/** `dataDir` is a folder, or `memory://` for a throwaway database. */
export async function startEmbeddedPostgres(dataDir: string, checkpoints?: CheckpointPolicy): Promise<EmbeddedPostgres> {
  const inMemory = dataDir.startsWith('memory://')
  if (!inMemory) fs.mkdirSync(dataDir, { recursive: true })
  const unlock = inMemory ? () => {} : lockDataDir(dataDir)
  // Unix socket paths are limited to ~100 bytes, so the socket lives in a short private temp dir.
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-'))
  const socketPath = path.join(socketDir, `.s.PGSQL.${SOCKET_PORT}`)
  const workerFile = new URL('./pglite-worker.js', import.meta.url)
  const worker = new Worker(workerFile, {
    workerData: { dataDir, socketPath, checkpoints },
  })
  await new Promise<void>((resolve, reject) => {
    worker.once('error', (error) => {
      unlock()
      reject(error)
    })
    worker.once('exit', (code) => reject(new Error(`PGlite worker exited with code ${code}`)))
    worker.once('message', () => resolve())
  })
  worker.removeAllListeners('exit')
  worker.removeAllListeners('error')
  worker.on('error', (error) => console.error('PGlite worker failed', error))
  let copies = 0
  return {
    socketDir,
    port: SOCKET_PORT,
    copyFromFile(statement, filePath) {
      const id = ++copies
      return new Promise<number>((resolve, reject) => {
        const onMessage = (message: { copied?: { id: number; rows?: number; error?: string } }) => {
          if (message.copied?.id !== id) return
          worker.off('message', onMessage)
          if (message.copied.error) reject(new Error(message.copied.error))
          else resolve(message.copied.rows ?? 0)
        }
        worker.on('message', onMessage)
        worker.postMessage({ copyFromFile: { statement, filePath, id } })
      })
    },
    async stop() {
      await new Promise<void>((resolve) => {
        const onMessage = (message: { stopped?: boolean }) => {
          if (!message.stopped) return
          worker.off('message', onMessage)
          resolve()
        }
        worker.on('message', onMessage)
        worker.postMessage({ stop: true })
      })
      await worker.terminate()
      fs.rmSync(socketDir, { recursive: true, force: true })
      unlock()
    },
  }
}
