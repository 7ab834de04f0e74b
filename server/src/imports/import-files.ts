import { createWriteStream } from 'node:fs'
import { mkdir, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/** Uploaded files live here until their import is removed; RAPPORT_IMPORT_DIR overrides the place. */
export function importDirectory(): string {
  return process.env.RAPPORT_IMPORT_DIR ?? path.join(os.tmpdir(), 'rapport-imports')
}

/** Writes the request body to disk as it arrives: no size limit, no whole-file buffer. */
export async function storeUpload(workspaceId: string, importId: string, body: Readable): Promise<{ filePath: string; size: number }> {
  const folder = path.join(importDirectory(), workspaceId)
  await mkdir(folder, { recursive: true })
  const filePath = path.join(folder, importId)
  try {
    await pipeline(body, createWriteStream(filePath))
  } catch (error) {
    await rm(filePath, { force: true })
    throw error
  }
  return { filePath, size: (await stat(filePath)).size }
}
