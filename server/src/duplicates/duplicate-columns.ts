import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import type { ObjectDefinition } from '../metadata/object-definition.ts'
import { duplicateKeys, keyColumn } from './duplicate-keys.ts'

const BACKFILL_BATCH = 1000

/**
 * DDL of an object's duplicate keys: a text column per rule, filled by the write hooks, and a
 * partial btree index on (workspace, key) so a check is a few index probes, never a scan.
 */
export function duplicateKeyStatements(object: ObjectDefinition): string[] {
  return (object.duplicateRules ?? []).flatMap((rule) => {
    const column = keyColumn(rule)
    return [
      `alter table ${object.table} add column if not exists ${column} text`,
      `create index if not exists ${object.table}_${column}_idx on ${object.table} (workspace_id, ${column}) where deleted_at is null and ${column} is not null`,
    ]
  })
}

// Rows written before the keys existed, or by a bulk path that skipped the hooks, have a null name key.
const missingColumn = (object: ObjectDefinition) => (object.duplicateRules ?? []).find((rule) => rule.kind === 'name')

/** Computes missing keys, in batches; limited to one workspace when given. Returns the rows filled. */
export async function fillDuplicateKeys(db: Db, object: ObjectDefinition, workspaceId?: string): Promise<number> {
  const marker = missingColumn(object)
  if (!marker) return 0
  const fields = [...new Set((object.duplicateRules ?? []).flatMap((rule) => [rule.field, ...(rule.kind === 'name' && rule.company ? [rule.company] : [])]))]
  let filled = 0
  for (;;) {
    const rows = await db
      .selectFrom(object.table)
      .select(['workspace_id', 'id', ...fields])
      .where(sql.ref(keyColumn(marker)), 'is', null)
      .where(sql.ref(marker.field), 'is not', null)
      .$if(Boolean(workspaceId), (q) => q.where('workspace_id', '=', workspaceId!))
      .limit(BACKFILL_BATCH)
      .execute()
    if (rows.length === 0) return filled
    const columns = (object.duplicateRules ?? []).map(keyColumn)
    const keyed = rows.map((row) => {
      const keys = duplicateKeys(object, row as Record<string, unknown>)
      // A name that folds to nothing (only punctuation) still gets a key, so it is not read again.
      keys[keyColumn(marker)] ??= ''
      return keys
    })
    // One statement per batch: the keys travel as parallel arrays.
    await sql`
      update ${sql.table(object.table)} as t set ${sql.join(columns.map((column) => sql`${sql.ref(column)} = k.${sql.ref(column)}`))}
      from unnest(${rows.map((row) => row.workspace_id)}::uuid[], ${rows.map((row) => row.id)}::uuid[],
        ${sql.join(columns.map((column) => sql`${keyed.map((keys) => keys[column])}::text[]`))}) as k(workspace_id, id, ${sql.join(columns.map((column) => sql.ref(column)))})
      where t.workspace_id = k.workspace_id and t.id = k.id`.execute(db)
    filled += rows.length
  }
}

/** Fills the keys of every object with rules, across workspaces (run once in the background on start). */
export async function fillAllDuplicateKeys(db: Db, objects: ObjectDefinition[]): Promise<number> {
  let filled = 0
  for (const object of objects) filled += await fillDuplicateKeys(db, object)
  return filled
}
