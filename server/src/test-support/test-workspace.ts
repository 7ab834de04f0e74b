import { loadActor } from '../auth/load-actor.ts'
import type { Database, Engine } from '../db/database.ts'
import { loadCatalog } from '../metadata/object-catalog.ts'
import { syncRecordTables } from '../metadata/table-schema.ts'
import type { RecordContext } from '../records/record-context.ts'
import { createWorkspace } from '../workspaces/create-workspace.ts'
import { openTestDatabase } from './test-database.ts'

/** A fresh database with one workspace, and its administrator's record context for data-layer tests. */
export async function openTestWorkspace(engine: Engine, name: string): Promise<{ database: Database; ctx: RecordContext }> {
  const database = await openTestDatabase(engine)
  await syncRecordTables(database.db)
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  const { workspaceId, adminId } = await createWorkspace(database.db, { name, admin: { name: 'Admin', email: `admin@${slug}.test`, password: 'correct horse battery' }, locale: 'en' })
  const caller = await loadActor(database.db, workspaceId, adminId, 'en')
  if (!caller) throw new Error('the administrator was not created')
  return { database, ctx: { db: database.db, actor: caller.actor, catalog: await loadCatalog(database.db, workspaceId) } }
}
