import { createHash } from 'node:crypto'
import { isUuid } from './field-types/reference-types.ts'
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { duplicateKeyStatements } from '../duplicates/duplicate-columns.ts'
import { fieldTypes } from './field-types/index.ts'
import { fieldExpressionText, indexKind, SAFE_NAME } from './field-sql.ts'
import { CUSTOM_RECORDS_TABLE, compileObject, type ObjectSchema } from './object-catalog.ts'
import { syncRollups } from './rollup-schema.ts'
import type { FieldDefinition, ObjectIndex } from './object-definition.ts'
import { standardObjects } from './objects/index.ts'
import { searchIndexName } from '../search/search-pending-list.ts'

// Every record table starts with these; workspace_id leads the key so the data can be sharded by workspace.
const BASE_COLUMNS = `
  workspace_id uuid not null,
  id uuid not null,
  owner_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  version integer not null default 1,
  custom jsonb not null default '{}',
  search_text text not null default '',
  search_tokens text[] not null default '{}'`

/** Leading index columns: custom objects share one table, so their indexes also lead with the object. */
function partitionColumns(object: ObjectSchema): string {
  return object.custom ? 'workspace_id, object' : 'workspace_id'
}

function indexStatement(object: ObjectSchema, field: FieldDefinition, workspaceId?: string): string | undefined {
  const kind = indexKind(field)
  if (kind === 'none') return undefined
  const expression = fieldExpressionText(field)
  const lead = partitionColumns(object)
  const predicates = ['deleted_at is null']
  if (workspaceId) predicates.unshift(`workspace_id = '${workspaceId}'`)
  if (object.custom) predicates.unshift(`object = '${object.name}'`)
  const scope = `${workspaceId ?? ''}:${object.name}:${field.name}`
  const name = field.custom || object.custom
    ? `cx_${createHash('sha1').update(scope).digest('hex').slice(0, 20)}`
    : `${object.table}_${field.name}_idx`
  const columns = kind === 'gin' ? `${lead}, ${expression}` : `${lead}, ${expression}, id`
  return `create index if not exists ${name} on ${object.table} using ${kind} (${columns}) where ${predicates.join(' and ')}`
}

/** Index for a field added at runtime: scoped to its workspace, like the field itself. */
export async function createFieldIndex(db: Db, object: ObjectSchema, field: FieldDefinition, workspaceId: string) {
  if (!isUuid(workspaceId) || !SAFE_NAME.test(object.name)) throw new Error('unsafe index scope')
  const statement = indexStatement(object, field, workspaceId)
  if (statement) await sql.raw(statement).execute(db)
}

async function syncTable(db: Db, object: ObjectSchema) {
  const extra = object.custom ? ',\n  object text not null' : ''
  await sql.raw(`create table if not exists ${object.table} (${BASE_COLUMNS}${extra},\n  primary key (workspace_id, id))`).execute(db)
  const columns = object.fields.flatMap((field) => (field.custom ? [] : fieldTypes[field.type].columns(field)))
  for (const column of [...columns, ...(object.privateColumns ?? [])]) {
    await sql.raw(`alter table ${object.table} add column if not exists "${column.name}" ${column.sqlType}`).execute(db)
  }
  for (const statement of duplicateKeyStatements(object)) await sql.raw(statement).execute(db)
  const lead = partitionColumns(object)
  // Not partial, so the planner uses the expression's statistics (a frequent token like 张 is better read by a
  // scan that stops at the page limit). Its pending list's size is the session's (db/search-pending-list.ts).
  await sql.raw(`create index if not exists ${searchIndexName(object)} on ${object.table} using gin (search_keys(workspace_id, search_tokens))`).execute(db)
  await sql.raw(`create index if not exists ${object.table}_deleted_idx on ${object.table} (${lead}, deleted_at) where deleted_at is not null`).execute(db)
  if (object.custom) return
  for (const field of object.allFields) {
    const statement = indexStatement(object, field)
    if (statement) await sql.raw(statement).execute(db)
  }
  for (const index of object.indexes ?? []) await sql.raw(compositeIndexStatement(object, index)).execute(db)
  await syncRollups(db, object)
}

function compositeIndexStatement(object: ObjectSchema, index: ObjectIndex): string {
  const names = [index.name, ...index.columns, ...(index.include ?? [])]
  if (!names.every((name) => SAFE_NAME.test(name))) throw new Error(`unsafe index declaration on ${object.name}`)
  const include = index.include?.length ? ` include (${index.include.join(', ')})` : ''
  return `create index if not exists ${object.table}_${index.name}_idx on ${object.table} (workspace_id, ${index.columns.join(', ')})${include} where deleted_at is null`
}

/** Derives every record table, column and index from the object metadata; safe to run on each start. */
export async function syncRecordTables(db: Db) {
  for (const definition of standardObjects) await syncTable(db, compileObject(definition))
  const customTemplate = compileObject({
    name: 'custom', singular: 'custom', table: CUSTOM_RECORDS_TABLE, label: { en: '', 'zh-CN': '' }, pluralLabel: { en: '', 'zh-CN': '' },
    titleField: 'name', owned: true, fields: [], custom: true,
  })
  await syncTable(db, customTemplate)
  for (const field of customTemplate.allFields) {
    const kind = indexKind(field)
    if (kind === 'none') continue
    await sql.raw(`create index if not exists custom_records_${field.name}_idx on ${CUSTOM_RECORDS_TABLE} (workspace_id, object, "${field.name}", id) where deleted_at is null`).execute(db)
  }
}
