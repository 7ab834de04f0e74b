import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { SAFE_NAME } from './field-sql.ts'
import type { ObjectSchema } from './object-catalog.ts'
import type { ObjectRollup } from './object-definition.ts'

/**
 * Rollups (ObjectDefinition.rollups) as SQL: a summary table keyed like the record table
 * (workspace_id first), filled from the live rows once and then kept exact by statement-level
 * triggers that add each statement's changed rows (+1 new, −1 old) grouped by the dimensions.
 * Triggers rather than write hooks: every path that touches the table — the write pipeline,
 * imports, bulk soft deletes, system jobs, merges — keeps the totals right without knowing of them.
 */

export const rollupTable = (object: ObjectSchema, rollup: ObjectRollup) => `${object.table}_${rollup.name}_rollup`

/** The hidden count beside a sum, so a sum over no values reads as null, as SQL's sum() does. */
export const valuesColumn = (measure: string) => `${measure}_values`

/** Bumped when the generated SQL changes shape, so existing rollups are rebuilt on the next start. */
const GENERATOR_VERSION = 1

function checkNames(object: ObjectSchema, rollup: ObjectRollup) {
  const names = [rollup.name, ...rollup.dimensions.map((dimension) => dimension.name), ...rollup.measures.map((measure) => measure.name)]
  if (object.custom || !names.every((name) => SAFE_NAME.test(name)) || names.includes('count')) {
    throw new Error(`unsafe rollup declaration ${object.name}.${rollup.name}`)
  }
}

const dimensionNames = (rollup: ObjectRollup) => rollup.dimensions.map((dimension) => `"${dimension.name}"`).join(', ')

function createTableStatements(table: string, rollup: ObjectRollup): string[] {
  const columns = [
    'workspace_id uuid not null',
    ...rollup.dimensions.map((dimension) => `"${dimension.name}" ${dimension.sqlType}`),
    'count bigint not null default 0',
    ...rollup.measures.flatMap((measure) => ('sum' in measure
      ? [`"${measure.name}" numeric not null default 0`, `"${valuesColumn(measure.name)}" bigint not null default 0`]
      : [`"${measure.name}" bigint not null default 0`])),
  ]
  return [
    `create table ${table} (${columns.join(', ')})`,
    // Dimensions may be null (no owner, no currency): one row still stands for them.
    `create unique index ${table}_key on ${table} (workspace_id, ${dimensionNames(rollup)}) nulls not distinct`,
  ]
}

/** The rows of `relation` the rollup covers, with their dimensions, signed measures and `sign`. */
function signedRows(rollup: ObjectRollup, relation: string, sign: 1 | -1): string {
  const columns = [
    'workspace_id',
    ...rollup.dimensions.map((dimension) => `${dimension.expression ?? `"${dimension.name}"`} as "${dimension.name}"`),
    `${sign} as sign`,
    ...rollup.measures.map((measure) => ('sum' in measure ? `(${measure.sum})::numeric as "${measure.name}"` : `(${measure.countOf}) is not null as "${measure.name}"`)),
  ]
  const where = ['deleted_at is null', ...(rollup.where ? [`(${rollup.where})`] : [])]
  return `select ${columns.join(', ')} from ${relation} where ${where.join(' and ')}`
}

function totalsOf(rollup: ObjectRollup): Array<{ column: string; total: string }> {
  return [
    { column: 'count', total: 'sum(sign)' },
    ...rollup.measures.flatMap((measure) => ('sum' in measure
      ? [
          { column: `"${measure.name}"`, total: `coalesce(sum(sign * "${measure.name}"), 0)` },
          { column: `"${valuesColumn(measure.name)}"`, total: `sum(case when "${measure.name}" is null then 0 else sign end)` },
        ]
      : [{ column: `"${measure.name}"`, total: `sum(case when "${measure.name}" then sign else 0 end)` }])),
  ]
}

/** Signed rows summed per dimension combination, in the table's column order; combinations that net to nothing left out. */
function totalsSelect(rollup: ObjectRollup, rows: string): string {
  const dimensions = dimensionNames(rollup)
  const totals = totalsOf(rollup)
  return `select workspace_id, ${dimensions}, ${totals.map((item) => item.total).join(', ')}
    from (${rows}) as changed
    group by workspace_id, ${dimensions}
    having ${totals.map((item) => `${item.total} <> 0`).join(' or ')}`
}

/** Adds signed rows into the table, in key order so concurrent writers lock rollup rows in the same order. */
function applyStatement(table: string, rollup: ObjectRollup, rows: string): string {
  const dimensions = dimensionNames(rollup)
  const columns = totalsOf(rollup).map((item) => item.column)
  return `insert into ${table} as rollup (workspace_id, ${dimensions}, ${columns.join(', ')})
    ${totalsSelect(rollup, rows)}
    order by workspace_id, ${dimensions}
    on conflict (workspace_id, ${dimensions}) do update set ${columns.map((column) => `${column} = rollup.${column} + excluded.${column}`).join(', ')}`
}

function triggerStatements(object: ObjectSchema, table: string, rollup: ObjectRollup): string[] {
  const events = [
    { event: 'insert', referencing: 'new table as new_rows', rows: signedRows(rollup, 'new_rows', 1) },
    { event: 'update', referencing: 'old table as old_rows new table as new_rows', rows: `${signedRows(rollup, 'new_rows', 1)} union all ${signedRows(rollup, 'old_rows', -1)}` },
    { event: 'delete', referencing: 'old table as old_rows', rows: signedRows(rollup, 'old_rows', -1) },
  ]
  return [
    ...events.flatMap(({ event, referencing, rows }) => [
      `create or replace function ${table}_on_${event}() returns trigger language plpgsql as $rollup$
        begin
          ${applyStatement(table, rollup, rows)};
          return null;
        end $rollup$`,
      `create or replace trigger ${table}_on_${event} after ${event} on ${object.table} referencing ${referencing} for each statement execute function ${table}_on_${event}()`,
    ]),
    `create or replace function ${table}_on_truncate() returns trigger language plpgsql as $rollup$ begin truncate ${table}; return null; end $rollup$`,
    `create or replace trigger ${table}_on_truncate after truncate on ${object.table} for each statement execute function ${table}_on_truncate()`,
  ]
}

function fingerprint(rollup: ObjectRollup): string {
  return `rollup ${createHash('sha1').update(JSON.stringify([GENERATOR_VERSION, rollup])).digest('hex').slice(0, 16)}`
}

/** Rows a fresh rollup starts from: every live row of the record table, once. */
const backfillStatement = (object: ObjectSchema, table: string, rollup: ObjectRollup) => applyStatement(table, rollup, signedRows(rollup, object.table, 1))

/**
 * Creates each rollup of the object, or rebuilds it when its declaration changed, in one
 * transaction that holds writers off the record table while the totals are first counted.
 */
export async function syncRollups(db: Db, object: ObjectSchema): Promise<void> {
  for (const rollup of object.rollups ?? []) {
    checkNames(object, rollup)
    const table = rollupTable(object, rollup)
    const wanted = fingerprint(rollup)
    const current = await sql<{ comment: string | null }>`select obj_description(to_regclass(${table}), 'pg_class') as comment`.execute(db)
    if (current.rows[0]?.comment === wanted) continue
    await db.transaction().execute(async (trx) => {
      const statements = [
        `lock table ${object.table} in share row exclusive mode`,
        `drop table if exists ${table}`,
        ...createTableStatements(table, rollup),
        ...triggerStatements(object, table, rollup),
        backfillStatement(object, table, rollup),
        `comment on table ${table} is '${wanted}'`,
      ]
      for (const statement of statements) await sql.raw(statement).execute(trx)
    })
  }
}

/** The rows where the rollup and a fresh count of the live rows disagree (none when the triggers kept it exact). */
export function rollupDriftStatement(object: ObjectSchema, rollup: ObjectRollup): string {
  const table = rollupTable(object, rollup)
  const kept = `select * from ${table} where ${totalsOf(rollup).map((item) => `${item.column} <> 0`).join(' or ')}`
  const fresh = totalsSelect(rollup, signedRows(rollup, object.table, 1))
  return `(${fresh} except all ${kept}) union all (${kept} except all ${fresh})`
}
