import { sql } from 'kysely'
import type { Db } from './database.ts'
import { migrations } from './migrations/index.ts'

export interface Migration {
  /** Ordered, never renamed: `001-workspaces`. */
  name: string
  up(db: Db): Promise<void>
}

/** Applies every migration not yet applied, in order, each in its own transaction. */
export async function migrate(db: Db): Promise<string[]> {
  await sql`create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`.execute(db)
  const applied = new Set((await db.selectFrom('schema_migrations').select('name').execute()).map((row) => row.name as string))
  const ran: string[] = []
  for (const migration of migrations) {
    if (applied.has(migration.name)) continue
    await db.transaction().execute(async (trx) => {
      await migration.up(trx)
      await trx.insertInto('schema_migrations').values({ name: migration.name }).execute()
    })
    ran.push(migration.name)
  }
  return ran
}
