import { AppError } from '../errors/app-error.ts'
import type { Actor } from '../access/actor.ts'
import type { Db } from '../db/database.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'
import type { ColumnMapping } from './header-mapping.ts'
import type { FileFormat } from './row-reader.ts'

export type ImportStatus = 'new' | 'uploaded' | 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'reverting' | 'reverted'
export type OnDuplicate = 'skip' | 'update' | 'create'

/** One import as stored. */
export interface ImportRow {
  workspace_id: string
  id: string
  object: string
  status: ImportStatus
  file_name: string
  file_path: string | null
  file_format: FileFormat | null
  encoding: string | null
  file_size: string | number | null
  headers: string[] | null
  mapping: ColumnMapping
  match_key: string | null
  on_duplicate: OnDuplicate
  total_rows: number | null
  position: number
  created_count: number
  updated_count: number
  skipped_count: number
  rejected_count: number
  reverted_deleted: number
  reverted_restored: number
  error: string | null
  created_by: string
  created_at: Date
  started_at: Date | null
  finished_at: Date | null
  updated_at: Date
}

/** The import as the API shows it. */
export function importToApi(row: ImportRow) {
  return {
    id: row.id,
    object: row.object,
    status: row.status,
    file_name: row.file_name,
    file_format: row.file_format,
    encoding: row.encoding,
    file_size: row.file_size === null ? null : Number(row.file_size),
    headers: row.headers ?? [],
    mapping: row.mapping,
    match_key: row.match_key,
    on_duplicate: row.on_duplicate,
    total_rows: row.total_rows,
    rows_done: row.position,
    created: row.created_count,
    updated: row.updated_count,
    skipped: row.skipped_count,
    rejected: row.rejected_count,
    reverted: { deleted: row.reverted_deleted, restored: row.reverted_restored },
    error: row.error,
    created_by: row.created_by,
    created_at: row.created_at,
    started_at: row.started_at,
    finished_at: row.finished_at,
    updated_at: row.updated_at,
  }
}

/** Imports are seen by whoever started them, and by roles that reach every record of the object. */
export function canSeeImport(actor: Actor, row: ImportRow): boolean {
  if (row.created_by === actor.userId) return true
  const permission = actor.permissions[row.object] ?? actor.permissions['*']
  return permission?.scope === 'all' && permission.read
}

export async function loadImport(db: Db, actor: Actor, id: string, options: { forUpdate?: boolean } = {}): Promise<ImportRow> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND')
  let query = db.selectFrom('imports').selectAll().where('workspace_id', '=', actor.workspaceId).where('id', '=', id)
  if (options.forUpdate) query = query.forUpdate()
  const row = (await query.executeTakeFirst()) as ImportRow | undefined
  if (!row || !canSeeImport(actor, row)) throw new AppError('NOT_FOUND')
  return row
}
