import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { callerCache } from '../auth/caller-cache.ts'
import { AppError, type FieldError } from '../errors/app-error.ts'
import type { Database, Db } from '../db/database.ts'
import type { RecordContext } from '../records/record-context.ts'
import { fieldTypes } from './field-types/index.ts'
import { SAFE_NAME } from './field-sql.ts'
import { compileObject, CUSTOM_RECORDS_TABLE, loadCatalog, type ObjectSchema } from './object-catalog.ts'
import { FIELD_TYPES, type FieldDefinition, type FieldType, type Label, type ObjectDefinition } from './object-definition.ts'
import { RESERVED_FIELD_NAMES } from './system-fields.ts'
import { createFieldIndex } from './table-schema.ts'

const MAX_NAME = 40
const RESERVED_OBJECT_NAMES = new Set(['search', 'metadata', 'bulk', 'auth', 'custom', 'events', 'jobs'])

function checkName(name: unknown, path: string, errors: FieldError[]): string {
  if (typeof name !== 'string' || !SAFE_NAME.test(name) || name.length > MAX_NAME) {
    errors.push({ field: path, code: 'invalid_name', params: { max: MAX_NAME } })
    return ''
  }
  return name
}

function checkLabel(raw: unknown, fallback: string, path: string, errors: FieldError[]): Label {
  if (raw === undefined) return { en: fallback, 'zh-CN': fallback }
  if (typeof raw === 'string' && raw.trim() && raw.length <= 100) return { en: raw.trim(), 'zh-CN': raw.trim() }
  const label = raw as Partial<Label> | null
  const ok = (text: unknown) => typeof text === 'string' && text.trim().length > 0 && text.length <= 100
  if (typeof label === 'object' && label !== null && (ok(label.en) || ok(label['zh-CN']))) {
    const en = ok(label.en) ? label.en!.trim() : label['zh-CN']!.trim()
    const zh = ok(label['zh-CN']) ? label['zh-CN']!.trim() : en
    return { en, 'zh-CN': zh }
  }
  errors.push({ field: path, code: 'expected_text' })
  return { en: fallback, 'zh-CN': fallback }
}

/** Validates an administrator's field declaration into a FieldDefinition, naming each bad key. */
export function checkFieldDeclaration(input: unknown, existing: Set<string>, objectNames: Set<string>, prefix = ''): FieldDefinition {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new AppError('VALIDATION_FAILED', [{ field: prefix || 'body', code: 'expected_object' }])
  const raw = input as Record<string, unknown>
  const errors: FieldError[] = []
  const allowedKeys = ['name', 'type', 'label', 'required', 'options', 'target', 'relationKind', 'searchable', 'maxLength', 'min', 'max', 'scale']
  for (const key of Object.keys(raw)) if (!allowedKeys.includes(key)) errors.push({ field: `${prefix}${key}`.slice(0, 100), code: 'unknown_field' })
  const name = checkName(raw.name, `${prefix}name`, errors)
  if (name && RESERVED_FIELD_NAMES.has(name)) errors.push({ field: `${prefix}name`, code: 'reserved_name' })
  else if (name && existing.has(name)) errors.push({ field: `${prefix}name`, code: 'taken' })
  const type = raw.type as FieldType
  if (!FIELD_TYPES.includes(type)) errors.push({ field: `${prefix}type`, code: 'invalid_type', params: { allowed: FIELD_TYPES.join(', ') } })
  const field: FieldDefinition = { name, type, label: checkLabel(raw.label, name, `${prefix}label`, errors), custom: true }
  for (const flag of ['required', 'searchable'] as const) {
    if (raw[flag] === undefined) continue
    if (typeof raw[flag] !== 'boolean') errors.push({ field: `${prefix}${flag}`, code: 'expected_boolean' })
    else field[flag] = raw[flag] as boolean
  }
  for (const limit of ['maxLength', 'min', 'max', 'scale'] as const) {
    if (raw[limit] === undefined) continue
    const value = raw[limit]
    const bounds = limit === 'scale' ? [0, 6] : limit === 'maxLength' ? [1, 100_000] : [-1e15, 1e15]
    if (typeof value !== 'number' || !Number.isFinite(value) || value < bounds[0] || value > bounds[1]) {
      errors.push({ field: `${prefix}${limit}`, code: 'out_of_range', params: { min: bounds[0], max: bounds[1] } })
    } else field[limit] = value
  }
  if (type === 'text' && (field.maxLength ?? 0) > 1000) errors.push({ field: `${prefix}maxLength`, code: 'out_of_range', params: { min: 1, max: 1000 } })
  if (type === 'single_select' || type === 'multi_select') {
    const options = raw.options
    if (!Array.isArray(options) || options.length === 0 || options.length > 200) errors.push({ field: `${prefix}options`, code: 'missing_options' })
    else {
      const seen = new Set<string>()
      field.options = options.map((option, index) => {
        const item = (typeof option === 'string' ? { value: option } : option) as { value?: unknown; label?: unknown; color?: unknown }
        const value = typeof item?.value === 'string' ? item.value.trim() : ''
        if (!value || value.length > 100 || seen.has(value)) errors.push({ field: `${prefix}options[${index}].value`, code: value ? 'taken' : 'expected_text' })
        seen.add(value)
        return { value, label: checkLabel(item?.label, value, `${prefix}options[${index}].label`, errors), ...(typeof item?.color === 'string' && { color: item.color.slice(0, 20) }) }
      })
    }
  }
  if (type === 'relation') {
    if (typeof raw.target !== 'string' || !objectNames.has(raw.target)) errors.push({ field: `${prefix}target`, code: 'missing_target' })
    else field.target = raw.target
    if (raw.relationKind !== undefined && raw.relationKind !== 'many_to_one' && raw.relationKind !== 'many_to_many') {
      errors.push({ field: `${prefix}relationKind`, code: 'invalid_option', params: { allowed: 'many_to_one, many_to_many' } })
    } else field.relationKind = (raw.relationKind as FieldDefinition['relationKind']) ?? 'many_to_one'
  }
  if (field.searchable === undefined && fieldTypes[type]?.searchText && ['text', 'email', 'phone'].includes(type)) field.searchable = true
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
  return field
}

async function bumpMetadataVersion(trx: Db, workspaceId: string) {
  await sql`update workspaces set metadata_version = metadata_version + 1 where id = ${workspaceId}`.execute(trx)
}

/** Cached callers carry the metadata version they were loaded with: forget them once the change is committed. */
const forgetCallers = (workspaceId: string) => callerCache.forgetWorkspace(workspaceId)

/** Adds a field to an object of the caller's workspace: usable, filterable and indexed at once. */
export async function addCustomField(database: Database, ctx: RecordContext, objectName: string, input: unknown): Promise<FieldDefinition> {
  const object = ctx.catalog.get(objectName)
  const field = checkFieldDeclaration(input, new Set(object.allFields.map((f) => f.name)), new Set(ctx.catalog.objects.map((o) => o.name)))
  field.id = uuidv7()
  const { id, custom, ...definition } = field
  void custom
  await database.db.transaction().execute(async (trx) => {
    await trx.insertInto('custom_fields').values({ workspace_id: ctx.actor.workspaceId, id, object: object.name, name: field.name, definition: JSON.stringify(definition) }).execute()
    await bumpMetadataVersion(trx, ctx.actor.workspaceId)
  })
  forgetCallers(ctx.actor.workspaceId)
  await createFieldIndex(database.db, object, field, ctx.actor.workspaceId)
  return field
}

/** Creates a custom object with a name field (its title) and any fields given. */
export async function addCustomObject(database: Database, ctx: RecordContext, input: unknown): Promise<ObjectSchema> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'expected_object' }])
  const raw = input as Record<string, unknown>
  const errors: FieldError[] = []
  for (const key of Object.keys(raw)) if (!['name', 'singular', 'label', 'pluralLabel', 'fields'].includes(key)) errors.push({ field: key.slice(0, 100), code: 'unknown_field' })
  const name = checkName(raw.name, 'name', errors)
  if (name && (RESERVED_OBJECT_NAMES.has(name) || ctx.catalog.find(name))) errors.push({ field: 'name', code: ctx.catalog.find(name) ? 'taken' : 'reserved_name' })
  const singular = raw.singular === undefined ? name : checkName(raw.singular, 'singular', errors)
  const label = checkLabel(raw.label, name, 'label', errors)
  const pluralLabel = checkLabel(raw.pluralLabel ?? raw.label, name, 'pluralLabel', errors)
  if (raw.fields !== undefined && (!Array.isArray(raw.fields) || raw.fields.length > 100)) errors.push({ field: 'fields', code: 'too_many_items', params: { max: 100 } })
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
  const titleField: FieldDefinition = { name: 'name', type: 'text', label: { en: 'Name', 'zh-CN': '名称' }, required: true, searchable: true, custom: true, id: uuidv7() }
  const names = new Set(['name'])
  const objectNames = new Set([...ctx.catalog.objects.map((o) => o.name), name])
  const fields = [titleField, ...((raw.fields as unknown[] | undefined) ?? []).map((declaration, index) => {
    const field = checkFieldDeclaration(declaration, names, objectNames, `fields[${index}].`)
    names.add(field.name)
    return { ...field, id: uuidv7() }
  })]
  const definition: ObjectDefinition = { name, singular, table: CUSTOM_RECORDS_TABLE, label, pluralLabel, titleField: 'name', owned: true, defaultSort: '-updated_at', fields: [] }
  const objectId = uuidv7()
  await database.db.transaction().execute(async (trx) => {
    const { table, fields: none, ...stored } = definition
    void table
    void none
    await trx.insertInto('custom_objects').values({ workspace_id: ctx.actor.workspaceId, id: objectId, name, definition: JSON.stringify(stored) }).execute()
    for (const field of fields) {
      const { id, custom, ...declaration } = field
      void custom
      await trx.insertInto('custom_fields').values({ workspace_id: ctx.actor.workspaceId, id, object: name, name: field.name, definition: JSON.stringify(declaration) }).execute()
    }
    await bumpMetadataVersion(trx, ctx.actor.workspaceId)
  })
  forgetCallers(ctx.actor.workspaceId)
  const compiled = compileObject({ ...definition, custom: true, id: objectId }, fields)
  for (const field of fields) await createFieldIndex(database.db, compiled, field, ctx.actor.workspaceId)
  return (await loadCatalog(database.db, ctx.actor.workspaceId)).get(name)
}
