import { sql } from 'kysely'
import { AppError, type FieldError } from '../errors/app-error.ts'
import type { Db } from '../db/database.ts'
import type { Catalog, ObjectSchema } from '../metadata/object-catalog.ts'

interface PendingReference {
  path: string
  target: ObjectSchema | undefined
  ids: string[]
}

/**
 * Every relation and user value must name a live record of the same workspace.
 * `rows` are the values of each record being written, with the record's path prefix.
 */
export async function checkReferences(
  db: Db,
  workspaceId: string,
  catalog: Catalog,
  object: ObjectSchema,
  rows: Array<{ prefix: string; values: Record<string, unknown> }>,
): Promise<void> {
  const pending: PendingReference[] = []
  for (const { prefix, values } of rows) {
    for (const [name, value] of Object.entries(values)) {
      const field = object.field(name)
      if (!field || value === null || (field.type !== 'relation' && field.type !== 'user')) continue
      if (field.name === 'id') continue
      const targetName = field.type === 'user' ? 'users' : field.target === '*' ? String(values.related_object ?? '') : field.target
      const target = targetName ? catalog.find(targetName) : undefined
      pending.push({ path: `${prefix}${name}`, target, ids: Array.isArray(value) ? (value as string[]) : [value as string] })
    }
  }
  const errors: FieldError[] = []
  const byTarget = new Map<ObjectSchema, Set<string>>()
  for (const reference of pending) {
    if (!reference.target) {
      errors.push({ field: reference.path, code: 'not_found' })
      continue
    }
    const ids = byTarget.get(reference.target) ?? new Set<string>()
    reference.ids.forEach((id) => ids.add(id))
    byTarget.set(reference.target, ids)
  }
  const found = new Map<ObjectSchema, Set<string>>()
  for (const [target, ids] of byTarget) {
    const query = db
      .selectFrom(target.table)
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where(sql<boolean>`id = any(${[...ids]}::uuid[])`)
      .where('deleted_at', 'is', null)
      .$if(Boolean(target.custom), (q) => q.where('object', '=', target.name))
    found.set(target, new Set((await query.execute()).map((row) => row.id as string)))
  }
  for (const reference of pending) {
    if (!reference.target) continue
    if (reference.ids.some((id) => !found.get(reference.target!)?.has(id))) errors.push({ field: reference.path, code: 'not_found' })
  }
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
}
