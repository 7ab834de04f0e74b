import { sql } from 'kysely'
import { can } from '../access/record-access.ts'
import { AppError } from '../errors/app-error.ts'
import type { Locale } from '../i18n/translate.ts'
import { formatFieldValue } from '../metadata/field-types/format-value.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'
import { fieldExpression } from '../metadata/field-sql.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import type { FieldDefinition } from '../metadata/object-definition.ts'
import type { RecordContext } from '../records/record-context.ts'
import type { ApiRecord } from '../records/row-mapping.ts'
import { scopedSelect } from '../records/scoped-query.ts'

export interface ExportColumn {
  field: FieldDefinition
  header: string
}

const isLink = (field: FieldDefinition) => field.type === 'relation' || field.type === 'user'
const targetOf = (field: FieldDefinition, record: ApiRecord): string | undefined =>
  field.type === 'user' ? 'users' : field.target === '*' ? (record.related_object as string | undefined) : field.target

/** The columns of an export: the list view's `fields`, or the object's own fields; headers in the reader's language. */
export function exportColumns(object: ObjectSchema, names: string[] | undefined, locale: Locale): ExportColumn[] {
  const fields = names
    ? names.map((name) => {
        const field = object.field(name)
        if (!field) throw new AppError('VALIDATION_FAILED', [{ field: 'fields', code: 'unknown_field' }])
        return field
      })
    : [object.field(object.titleField)!, ...object.fields.filter((field) => field.name !== object.titleField)]
  return fields.map((field) => ({ field, header: field.label[locale] }))
}

/** Names of the records that a chunk's relation and user fields link to: target object → id → title. */
export type LinkNames = Map<string, Map<string, string>>

/** Titles kept per target between chunks; past this many, a target's are dropped before the next chunk. */
const MAX_REMEMBERED = 20_000

/**
 * Looks up the titles of every linked record the caller may read. `remembered` carries titles from
 * earlier chunks of the same export (the same few owners link from every row), so only new ids are
 * asked for, and the targets are asked at the same time.
 */
export async function linkNames(ctx: RecordContext, fields: FieldDefinition[], records: ApiRecord[], remembered: LinkNames = new Map()): Promise<LinkNames> {
  for (const [target, titles] of remembered) if (titles.size > MAX_REMEMBERED) remembered.delete(target)
  const wanted = new Map<string, Set<string>>()
  for (const field of fields.filter(isLink)) {
    for (const record of records) {
      const target = targetOf(field, record)
      const value = record[field.name]
      if (!target || value === null || value === undefined) continue
      const known = remembered.get(target)
      const ids = wanted.get(target) ?? new Set<string>()
      for (const id of Array.isArray(value) ? value : [value]) if (!known?.has(id) && isUuid(id)) ids.add(id)
      wanted.set(target, ids)
    }
  }
  await Promise.all([...wanted].map(async ([targetName, ids]) => {
    const target = ctx.catalog.find(targetName)
    if (!target || ids.size === 0 || !can(ctx.actor, target, 'read')) return
    const title = target.field(target.titleField)!
    const rows = await scopedSelect(ctx, target)
      .select(['id', sql<string | null>`(${fieldExpression(title)})::text`.as('title')])
      .where('id', 'in', [...ids])
      .execute()
    let titles = remembered.get(targetName)
    if (!titles) remembered.set(targetName, (titles = new Map()))
    for (const row of rows) titles.set(row.id as string, (row.title as string | null) ?? '')
  }))
  return remembered
}

const linkedName = (byId: Map<string, string> | undefined, id: unknown) => byId?.get(String(id)) ?? String(id)

/** Reads one field of a record as a person reads it; links show the linked record's name. */
export type CellText = (record: ApiRecord, names: LinkNames) => string

/** The reader of one column, made once per export: exports call it for every row. */
export function cellText(field: FieldDefinition, locale: Locale): CellText {
  const name = field.name
  if (!isLink(field)) return (record) => formatFieldValue(record[name], field, locale)
  const separator = locale === 'zh-CN' ? '、' : ', '
  return (record, names) => {
    const value = record[name]
    if (value === null || value === undefined) return ''
    const byId = names.get(targetOf(field, record) ?? '')
    if (!Array.isArray(value)) return linkedName(byId, value)
    return value.map((id) => linkedName(byId, id)).join(separator)
  }
}
