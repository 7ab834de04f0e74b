import { sql } from 'kysely'
import { assertCan } from '../access/record-access.ts'
import { AppError } from '../errors/app-error.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import type { DuplicateRule } from '../metadata/object-definition.ts'
import type { RecordContext } from '../records/record-context.ts'
import { recordColumns, rowToRecord, type ApiRecord } from '../records/row-mapping.ts'
import { scopedSelect } from '../records/scoped-query.ts'
import { fillDuplicateKeys } from './duplicate-columns.ts'
import { rulesOf } from './duplicate-check.ts'
import { keyColumn } from './duplicate-keys.ts'

const MAX_GROUP_RECORDS = 20

export interface DuplicateGroup {
  rule: DuplicateRule['kind']
  key: string
  count: number
  records: ApiRecord[]
}

interface GroupCursor { rule: number; key: string }

function decodeCursor(text: string | undefined, rules: number): GroupCursor | undefined {
  if (!text) return undefined
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as GroupCursor
    if (Number.isInteger(cursor.rule) && cursor.rule >= 0 && cursor.rule < rules && typeof cursor.key === 'string') return cursor
  } catch {
    // fall through to the refusal
  }
  throw new AppError('VALIDATION_FAILED', [{ field: 'cursor', code: 'invalid_cursor' }])
}

const encodeCursor = (cursor: GroupCursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url')

/**
 * The workspace's groups of likely duplicates within the caller's reach, rule by rule and key by
 * key: an index-ordered walk of each key column, paged by a (rule, key) cursor.
 */
export async function listDuplicateGroups(ctx: RecordContext, object: ObjectSchema, options: { cursor?: string; limit?: number }) {
  assertCan(ctx.actor, object, 'read')
  const rules = rulesOf(object)
  const limit = options.limit ?? 20
  const cursor = decodeCursor(options.cursor, rules.length)
  await fillDuplicateKeys(ctx.db, object, ctx.actor.workspaceId)
  const groups: DuplicateGroup[] = []
  let next: GroupCursor | null = null
  for (let index = cursor?.rule ?? 0; index < rules.length && !next; index++) {
    const column = keyColumn(rules[index])
    const after = cursor && cursor.rule === index ? cursor.key : undefined
    const keys = await scopedSelect(ctx, object)
      .select([sql.ref(column).as('key'), sql<number>`count(*)`.as('count')])
      .where(sql.ref(column), 'is not', null)
      .where(sql.ref(column), '<>', '')
      .$if(after !== undefined, (q) => q.where(sql.ref(column), '>', after!))
      .groupBy(sql.ref(column))
      .having(sql`count(*)`, '>', 1)
      .orderBy(sql.ref(column))
      .limit(limit - groups.length + 1)
      .execute()
    const page = keys.slice(0, limit - groups.length)
    for (const row of page) {
      const records = await scopedSelect(ctx, object)
        .select(recordColumns(object))
        .where(sql.ref(column), '=', row.key)
        .orderBy('created_at')
        .orderBy('id')
        .limit(MAX_GROUP_RECORDS)
        .execute()
      groups.push({ rule: rules[index].kind, key: row.key, count: Number(row.count), records: records.map((record) => rowToRecord(object, record)) })
    }
    if (keys.length > page.length) next = { rule: index, key: page[page.length - 1]?.key ?? after ?? '' }
  }
  return { data: groups, next_cursor: next ? encodeCursor(next) : null }
}
