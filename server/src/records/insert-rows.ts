import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { jsonRowsPayload } from './json-rows-payload.ts'

const CHUNK_ROWS = 2_000

/**
 * Inserts rows with one statement per chunk: the rows travel as a single JSON parameter that the
 * database turns into typed rows (`json_populate_recordset` over the table's own row type), so a big
 * batch costs a round trip per chunk instead of a bound parameter per value. A column some rows lack
 * is null for them; jsonb columns take objects, not JSON text. With `returning`, the stored rows come
 * back in the order given.
 */
export async function insertRows(trx: Db, table: string, rows: Record<string, unknown>[], returning?: string[]): Promise<Record<string, unknown>[]> {
  const stored: Record<string, unknown>[] = []
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const chunk = rows.slice(start, start + CHUNK_ROWS)
    const names = new Set<string>()
    for (const row of chunk) for (const name in row) names.add(name)
    const columns = sql.join([...names].map((name) => sql.ref(name)))
    const back = returning ? sql`returning ${sql.join(returning.map((name) => sql.ref(name)))}` : sql``
    const result = await sql<Record<string, unknown>>`
      insert into ${sql.table(table)} (${columns})
      select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${jsonRowsPayload(chunk)}::json)
      ${back}`.execute(trx)
    if (!returning) continue
    const byId = new Map(result.rows.map((row) => [row.id, row]))
    for (const row of chunk) stored.push(byId.get(row.id) ?? {})
  }
  return stored
}
