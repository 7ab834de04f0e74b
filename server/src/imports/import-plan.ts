import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { AppError, type FieldError } from '../errors/app-error.ts'
import { fieldExpression } from '../metadata/field-sql.ts'
import { phoneDigits } from '../metadata/field-types/text-types.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import type { FieldDefinition } from '../metadata/object-definition.ts'
import type { RecordContext } from '../records/record-context.ts'
import { checkInput } from '../records/record-input.ts'
import { scopedSelect } from '../records/scoped-query.ts'
import { cellToInput } from './cell-values.ts'
import type { ColumnMapping } from './header-mapping.ts'
import type { OnDuplicate } from './import-store.ts'

/** A data row of the file: `number` counts data rows from 1 (the header row is not counted). */
export interface SourceRow {
  number: number
  cells: string[]
}

export type RowAction = 'create' | 'update' | 'skip' | 'reject'

export interface RowPlan {
  row: SourceRow
  action: RowAction
  values?: Record<string, unknown>
  recordId?: string
  /** Why a row is rejected; `field` is the file's header (or empty for the whole row). */
  reasons?: FieldError[]
}

export interface ImportSettings {
  headers: string[]
  mapping: ColumnMapping
  match_key: string | null
  on_duplicate: OnDuplicate
}

interface Column {
  index: number
  header: string
  field: FieldDefinition
}

export function mappedColumns(object: ObjectSchema, settings: ImportSettings): Column[] {
  return settings.headers.flatMap((header, index) => {
    const name = settings.mapping[header]
    const field = name ? object.field(name) : undefined
    return field ? [{ index, header, field }] : []
  })
}

/** The comparable form of a match key: phones by their digits, everything else as text. */
export function keyOf(field: FieldDefinition, value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined
  return field.type === 'phone' ? phoneDigits(String(value)) : String(value)
}

/** Names → record ids of the relation's target (by its title field) or of users (by email or name). */
async function resolveNames(ctx: RecordContext, field: FieldDefinition, names: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  if (names.length === 0) return found
  const target = ctx.catalog.get(field.type === 'user' ? 'users' : field.target!)
  const titles = [target.field(target.titleField ?? 'name'), field.type === 'user' ? target.field('email') : undefined].filter((f) => f !== undefined)
  for (const title of titles) {
    // Emails are stored in lower case: match them so.
    const key = (name: string) => (title.type === 'email' ? name.toLowerCase() : name)
    const rows = await scopedSelect(ctx, target)
      .select(['id', sql<string>`${fieldExpression(title)}`.as('title')])
      .where(fieldExpression(title), 'in', [...new Set(names.map(key))])
      .orderBy('created_at')
      .execute()
    const ids = new Map<string, string>()
    for (const row of rows) if (!ids.has(row.title)) ids.set(row.title, row.id)
    for (const name of names) if (!found.has(name) && ids.has(key(name))) found.set(name, ids.get(key(name))!)
  }
  return found
}

/** Existing records whose match key equals one of `keys`. */
async function findExisting(ctx: RecordContext, object: ObjectSchema, field: FieldDefinition, keys: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  if (keys.length === 0) return found
  const expression = fieldExpression(field)
  let query = scopedSelect(ctx, object).select(['id', sql<string>`${expression}::text`.as('key')]).orderBy('created_at')
  if (field.type === 'phone') {
    const variants = keys.flatMap((digits) => [digits, `86${digits}`, `0086${digits}`])
    query = query.where(sql<boolean>`regexp_replace(${expression}, '[^0-9]', '', 'g') = any(${variants}::text[])`)
  } else {
    query = query.where(sql<boolean>`${expression}::text = any(${keys}::text[])`)
  }
  for (const row of await query.execute()) {
    const key = keyOf(field, row.key)
    if (key !== undefined && !found.has(key)) found.set(key, row.id)
  }
  return found
}

function fieldErrorsToHeaders(errors: FieldError[], columns: Column[], prefix = ''): FieldError[] {
  return errors.map((error) => {
    const name = error.field.startsWith(prefix) ? error.field.slice(prefix.length) : error.field
    return { ...error, field: columns.find((column) => column.field.name === name)?.header ?? name }
  })
}

/**
 * What to do with each row: its cells converted and checked by the field types, names looked up,
 * duplicates matched on the key (against the database and against rows in `seen`). Reads only.
 */
export async function planRows(ctx: RecordContext, object: ObjectSchema, settings: ImportSettings, rows: SourceRow[], seen: Map<string, string>): Promise<RowPlan[]> {
  const columns = mappedColumns(object, settings)
  const converted = rows.map((row) => columns.map((column) => cellToInput(column.field, row.cells[column.index] ?? '')))
  const lookups = new Map<Column, Map<string, string>>()
  for (const [position, column] of columns.entries()) {
    const names = new Set(converted.flatMap((cells) => { const cell = cells[position]; return 'lookup' in cell ? cell.lookup : [] }))
    if (names.size > 0) lookups.set(column, await resolveNames(ctx, column.field, [...names]))
  }
  const plans: RowPlan[] = rows.map((row, rowIndex) => {
    if (columns.every((column) => (row.cells[column.index] ?? '') === '')) return { row, action: 'skip' }
    const input: Record<string, unknown> = {}
    const reasons: FieldError[] = []
    columns.forEach((column, position) => {
      const cell = converted[rowIndex][position]
      if ('value' in cell) return void (input[column.field.name] = cell.value)
      const ids = cell.lookup.map((name) => lookups.get(column)?.get(name))
      const missing = cell.lookup.find((_, i) => ids[i] === undefined)
      if (missing !== undefined) reasons.push({ field: column.header, code: 'name_not_found', params: { value: missing.slice(0, 100) } })
      else input[column.field.name] = column.field.relationKind === 'many_to_many' ? ids : ids[0]
    })
    try {
      const values = checkInput(object, input, 'update')
      return reasons.length > 0 ? { row, action: 'reject', reasons } : { row, action: 'create', values }
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      return { row, action: 'reject', reasons: [...reasons, ...fieldErrorsToHeaders(error.fields, columns)] }
    }
  })
  const keyField = settings.match_key ? object.field(settings.match_key) : undefined
  const keys = keyField ? plans.map((plan) => (plan.values ? keyOf(keyField, plan.values[keyField.name]) : undefined)) : []
  const existing = keyField ? await findExisting(ctx, object, keyField, [...new Set(keys.filter((key) => key !== undefined))]) : new Map<string, string>()
  for (const [index, plan] of plans.entries()) {
    if (plan.action !== 'create') continue
    const key = keys[index]
    const match = key === undefined ? undefined : (existing.get(key) ?? seen.get(key))
    if (match && settings.on_duplicate === 'skip') Object.assign(plan, { action: 'skip', recordId: match })
    else if (match && settings.on_duplicate === 'update') Object.assign(plan, { action: 'update', recordId: match })
    else {
      try {
        checkInput(object, plan.values, 'create')
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        Object.assign(plan, { action: 'reject', reasons: fieldErrorsToHeaders(error.fields, columns), values: undefined })
        continue
      }
      plan.recordId = uuidv7()
      if (key !== undefined && !seen.has(key)) seen.set(key, plan.recordId)
    }
  }
  return plans
}

/** A rejection's reasons, with the field paths of the write pipeline turned into the file's headers. */
export function reasonsFromError(error: AppError, object: ObjectSchema, settings: ImportSettings, prefix: string): FieldError[] {
  const fields = error.fields.filter((field) => field.field.startsWith(prefix) || !prefix)
  if (fields.length === 0) return [{ field: '', code: `error.${error.code}` }]
  return fieldErrorsToHeaders(fields, mappedColumns(object, settings), prefix)
}
