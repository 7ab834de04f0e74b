import { sql } from 'kysely'
import { can } from '../access/record-access.ts'
import { AppError, type FieldError } from '../errors/app-error.ts'
import type { Db } from '../db/database.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import type { RecordContext } from './record-context.ts'
import { scopedSelect } from './scoped-query.ts'

interface PendingReference {
  path: string
  target: ObjectSchema | undefined
  ids: string[]
}

/**
 * Every relation and user value must name a live record the caller can see: same workspace, and
 * within the caller's record scope (a record out of reach reads as missing).
 * `rows` are the values of each record being written, with the record's path prefix.
 */
export async function checkReferences(
  trx: Db,
  ctx: RecordContext,
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
      const target = targetName ? ctx.catalog.find(targetName) : undefined
      pending.push({ path: `${prefix}${name}`, target, ids: Array.isArray(value) ? (value as string[]) : [value as string] })
    }
  }
  const errors: FieldError[] = []
  const byTarget = new Map<ObjectSchema, Set<string>>()
  for (const reference of pending) {
    if (!reference.target || !can(ctx.actor, reference.target, 'read')) {
      errors.push({ field: reference.path, code: 'not_found' })
      continue
    }
    const ids = byTarget.get(reference.target) ?? new Set<string>()
    reference.ids.forEach((id) => ids.add(id))
    byTarget.set(reference.target, ids)
  }
  const found = new Map<ObjectSchema, Set<string>>()
  for (const [target, ids] of byTarget) {
    const query = scopedSelect(ctx, target, { db: trx }).select('id').where(sql<boolean>`id = any(${[...ids]}::uuid[])`)
    found.set(target, new Set((await query.execute()).map((row) => row.id as string)))
  }
  for (const reference of pending) {
    if (!reference.target || !found.has(reference.target)) continue
    if (reference.ids.some((id) => !found.get(reference.target!)?.has(id))) errors.push({ field: reference.path, code: 'not_found' })
  }
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
}
