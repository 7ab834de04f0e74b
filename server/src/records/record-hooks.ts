import type { Db } from '../db/database.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import type { RecordContext } from './record-context.ts'
import type { ApiRecord } from './row-mapping.ts'

export type WriteOperation = 'create' | 'update' | 'delete' | 'restore'

/** One record being written, as the hooks see it. */
export interface WriteChange {
  object: ObjectSchema
  op: WriteOperation
  id: string
  /** Validated values being written (all given fields on create, the patch on update). */
  values: Record<string, unknown>
  /** The record before the write (update, delete, restore). */
  before?: ApiRecord
  /** Input keys a hook took out before validation (a user's password). */
  extra: Record<string, unknown>
  /** Private columns a hook adds to the row (a password hash). */
  privateColumns: Record<string, unknown>
  /** Prefix of this record's fields in error paths (`create[3].` in a bulk write). */
  pathPrefix: string
}

/** Domain logic of an object, run inside the write transaction. */
export interface ObjectHooks {
  /** Names of input keys that are not fields but are handled by this object's hooks. */
  extraInputs?: string[]
  beforeWrite?(trx: Db, ctx: RecordContext, change: WriteChange): Promise<void>
  afterWrite?(trx: Db, ctx: RecordContext, change: WriteChange, record: ApiRecord): Promise<void>
}

const registry = new Map<string, ObjectHooks[]>()

export function registerHooks(objectName: string, hooks: ObjectHooks): void {
  registry.set(objectName, [...(registry.get(objectName) ?? []), hooks])
}

/** The object's hooks, after those registered for every object (`*`: data-quality rules). */
export function hooksFor(objectName: string): ObjectHooks[] {
  return [...(registry.get('*') ?? []), ...(registry.get(objectName) ?? [])]
}

/** Splits the hook-handled keys from the field values of a request body. */
export function splitExtraInputs(objectName: string, input: unknown): { input: unknown; extra: Record<string, unknown> } {
  const names = hooksFor(objectName).flatMap((hooks) => hooks.extraInputs ?? [])
  if (names.length === 0 || typeof input !== 'object' || input === null || Array.isArray(input)) return { input, extra: {} }
  const rest: Record<string, unknown> = { ...(input as Record<string, unknown>) }
  const extra: Record<string, unknown> = {}
  for (const name of names) {
    if (name in rest) {
      extra[name] = rest[name]
      delete rest[name]
    }
  }
  return { input: rest, extra }
}
