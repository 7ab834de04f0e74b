import { v7 as uuidv7 } from 'uuid'
import type { Db } from '../db/database.ts'
import { AppError } from '../errors/app-error.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'

export interface StoredFile {
  id: string
  purpose: string
  object: string | null
  record_id: string | null
  name: string
  content_type: string
  size: number
  data: Buffer
}

export interface NewFile {
  workspaceId: string
  purpose: string
  object?: string
  recordId?: string
  name: string
  contentType: string
  data: Buffer
  createdBy: string
  now: Date
}

export async function storeFile(db: Db, file: NewFile): Promise<string> {
  const id = uuidv7()
  await db.insertInto('stored_files').values({
    workspace_id: file.workspaceId, id, purpose: file.purpose, object: file.object ?? null, record_id: file.recordId ?? null,
    name: file.name, content_type: file.contentType, size: file.data.length, data: file.data, created_at: file.now, created_by: file.createdBy,
  }).execute()
  return id
}

export async function readStoredFile(db: Db, workspaceId: string, id: string): Promise<StoredFile> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND')
  const row = await db.selectFrom('stored_files').select(['id', 'purpose', 'object', 'record_id', 'name', 'content_type', 'size', 'data'])
    .where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND')
  return row as StoredFile
}

/** The newest file kept for a purpose (the workspace logo). */
export async function latestFile(db: Db, workspaceId: string, purpose: string): Promise<StoredFile | undefined> {
  return db.selectFrom('stored_files').select(['id', 'purpose', 'object', 'record_id', 'name', 'content_type', 'size', 'data'])
    .where('workspace_id', '=', workspaceId).where('purpose', '=', purpose).orderBy('id', 'desc').executeTakeFirst() as Promise<StoredFile | undefined>
}

export async function removeFiles(db: Db, workspaceId: string, purpose: string): Promise<void> {
  await db.deleteFrom('stored_files').where('workspace_id', '=', workspaceId).where('purpose', '=', purpose).execute()
}

/** PNG or JPEG by their first bytes (what the PDF can embed), whatever the client claimed. */
export function imageTypeOf(data: Buffer): 'image/png' | 'image/jpeg' | undefined {
  if (data.length > 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg'
  return undefined
}

/** `attachment; filename*=UTF-8''…` so Chinese file names survive every browser. */
export function attachmentDisposition(name: string, inline = false): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}
