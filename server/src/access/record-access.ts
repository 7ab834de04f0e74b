import { sql, type RawBuilder } from 'kysely'
import { AppError } from '../errors/app-error.ts'
import { fieldExpression } from '../metadata/field-sql.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import type { Actor } from './actor.ts'
import type { ObjectAction, ObjectPermission } from './roles.ts'

const NONE: ObjectPermission = { create: false, read: false, update: false, delete: false, export: false, scope: 'own' }

export function permissionFor(actor: Actor, object: ObjectSchema): ObjectPermission {
  return actor.permissions[object.name] ?? actor.permissions['*'] ?? NONE
}

export function can(actor: Actor, object: ObjectSchema, action: ObjectAction): boolean {
  return permissionFor(actor, object)[action]
}

export function assertCan(actor: Actor, object: ObjectSchema, action: ObjectAction): void {
  if (!can(actor, object, action)) throw new AppError('FORBIDDEN')
}

/** Reading reaches shared records too; changing them keeps to the owner scope. */
export type ScopeIntent = 'read' | 'write'

function ownerScope(actor: Actor, object: ObjectSchema): RawBuilder<boolean> | undefined {
  const { scope } = permissionFor(actor, object)
  if (scope === 'all') return undefined
  if (scope === 'team' && actor.teamId) {
    return sql<boolean>`(owner_id = ${actor.userId} or owner_id in (select id from users where workspace_id = ${actor.workspaceId} and team_id = ${actor.teamId}))`
  }
  return sql<boolean>`owner_id = ${actor.userId}`
}

/**
 * The row filter of the caller's record scope, or undefined when every record is in reach.
 * Merged into every query of an owned object by the scoped query (records/scoped-query.ts).
 * An object with a `sharedFlag` lets reads also reach the records flagged shared; one with
 * `poolWhenUnowned` lets reads also reach the records nobody owns (the customer pool).
 */
export function scopeCondition(actor: Actor, object: ObjectSchema, intent: ScopeIntent = 'read'): RawBuilder<boolean> | undefined {
  if (!object.owned) return undefined
  const owner = ownerScope(actor, object)
  if (!owner || intent === 'write') return owner
  const widened: RawBuilder<boolean>[] = [owner]
  const shared = object.sharedFlag ? object.field(object.sharedFlag) : undefined
  if (shared) widened.push(sql<boolean>`${fieldExpression(shared)} is true`)
  if (object.poolWhenUnowned) widened.push(sql<boolean>`owner_id is null`)
  if (widened.length === 1) return owner
  return sql<boolean>`(${sql.join(widened, sql` or `)})`
}
