import type { Actor } from '../access/actor.ts'
import type { Db } from '../db/database.ts'
import type { Catalog } from '../metadata/object-catalog.ts'

/** Everything a record operation needs: the database, the caller and the workspace's objects. */
export interface RecordContext {
  db: Db
  actor: Actor
  catalog: Catalog
  /** Current time; tests pass a fixed clock. */
  now?: () => Date
}

export const nowOf = (ctx: RecordContext) => (ctx.now ? ctx.now() : new Date())
