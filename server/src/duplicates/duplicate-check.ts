import { sql } from 'kysely'
import { assertCan } from '../access/record-access.ts'
import { AppError } from '../errors/app-error.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import type { DuplicateRule } from '../metadata/object-definition.ts'
import type { RecordContext } from '../records/record-context.ts'
import { recordColumns, rowToRecord, type ApiRecord } from '../records/row-mapping.ts'
import { scopedSelect } from '../records/scoped-query.ts'
import { keyColumn, ruleKey } from './duplicate-keys.ts'

const MAX_MATCHES = 20

export interface DuplicateMatch {
  record: ApiRecord
  /** The rules it matched: email, phone, name. */
  matches: DuplicateRule['kind'][]
}

export function rulesOf(object: ObjectSchema): DuplicateRule[] {
  const rules = object.custom ? [] : (object.duplicateRules ?? [])
  if (rules.length === 0) throw new AppError('VALIDATION_FAILED', [{ field: 'object', code: 'no_duplicate_rules' }])
  return rules
}

/**
 * Records in the caller's reach that look like these values: one index probe per rule
 * (the key columns of duplicate-columns.ts), OR-ed so the planner combines the bitmaps.
 */
export async function findDuplicates(ctx: RecordContext, object: ObjectSchema, values: Record<string, unknown>, excludeId?: string): Promise<DuplicateMatch[]> {
  assertCan(ctx.actor, object, 'read')
  const rules = rulesOf(object)
  const probes = rules.flatMap((rule) => {
    const key = ruleKey(rule, values)
    return key ? [{ rule, key }] : []
  })
  if (probes.length === 0) return []
  const rows = await scopedSelect(ctx, object)
    .select([...recordColumns(object), ...rules.map(keyColumn)])
    .where((eb) => eb.or(probes.map(({ rule, key }) => eb(sql.ref(keyColumn(rule)), '=', key))))
    .$if(Boolean(excludeId && isUuid(excludeId)), (q) => q.where('id', '<>', excludeId!))
    .orderBy('created_at')
    .limit(MAX_MATCHES)
    .execute()
  return rows.map((row) => ({
    record: rowToRecord(object, row),
    matches: probes.filter(({ rule, key }) => row[keyColumn(rule)] === key).map(({ rule }) => rule.kind),
  }))
}
