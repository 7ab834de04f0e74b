import fc from 'fast-check'
import { sometimes, worst, type FieldMeta, type ObjectMeta, type Verdict } from './malformed-input.property-model.ts'
import { absentUuid, anyString, encode, isoDate, isoDateTime, plainText } from './malformed-input.property-text.ts'
import { optionsOf, TEXT_TYPES } from './malformed-input.property-values.ts'

/** Query strings for listing records: filters, sort and cursor, limit, fields, search text and junk parameters. */

export const RELATIVE_PERIODS = [
  'today', 'yesterday', 'tomorrow', 'this_week', 'last_week', 'this_month', 'last_month', 'next_month',
  'this_quarter', 'last_quarter', 'this_year', 'last_year', 'last_7_days', 'last_30_days', 'last_90_days',
  'next_7_days', 'next_30_days',
]
export const OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'nin', 'contains', 'starts_with', 'is_empty', 'is_not_empty', 'has_any', 'has_all', 'relative']
const OPERAND_SHAPE: Record<string, 'one' | 'list' | 'pair' | 'none' | 'relative'> = {
  eq: 'one', neq: 'one', gt: 'one', gte: 'one', lt: 'one', lte: 'one', contains: 'one', starts_with: 'one',
  between: 'pair', in: 'list', nin: 'list', has_any: 'list', has_all: 'list', is_empty: 'none', is_not_empty: 'none', relative: 'relative',
}

export interface QueryPart {
  /** `key=value` pairs, keys and values already encoded. */
  pairs: Array<[string, string]>
  verdict: Verdict
  /** Field-path prefixes a refusal of this part names. */
  names: string[]
}

const part = (pairs: Array<[string, string]>, verdict: Verdict, names: string[] = []): QueryPart => ({ pairs, verdict, names })

/** Percent sequences that do not decode, and other encodings a parser may choke on. */
const RAW_JUNK_VALUES = ['%', '%zz', '%ED%A0%80', '%FF%FE', '%C0%AF', '%00', '%E4%B8', '%%%', '%2', '+', '%20%20', '[', ']', '&', '=']

function operandText(field: FieldMeta, verdict: 'valid' | 'invalid'): fc.Arbitrary<string> {
  if (verdict === 'valid') {
    switch (field.type) {
      case 'number':
      case 'percent':
        return fc.constantFrom('0', '-12.5', '100', '3.1415926535', '999999999999999')
      case 'currency':
        return fc.constantFrom('0', '-12.50', '1000000', '0.01')
      case 'rating':
      case 'auto_number':
        return fc.constantFrom('0', '3', '999')
      case 'date':
        return isoDate
      case 'datetime':
        return fc.oneof(isoDate, isoDateTime)
      case 'boolean':
        return fc.constantFrom('true', 'false')
      case 'single_select':
      case 'multi_select':
        return fc.constantFrom(...optionsOf(field))
      case 'relation':
      case 'user':
        return absentUuid
      default:
        return plainText.filter((text) => !text.includes(',') && text.trim() !== '')
    }
  }
  switch (field.type) {
    case 'number':
    case 'percent':
      return fc.constantFrom('abc', '1e5', 'NaN', 'Infinity', '0x10', '1.12345678901', '9999999999999999', '١', '')
    case 'currency':
      return fc.constantFrom('1.234', 'abc', '1e3', '')
    case 'rating':
      return fc.constantFrom('1000', '-1', '2.5', 'x', '')
    case 'auto_number':
      return fc.constantFrom('1'.repeat(16), '-1', '2.5', 'x', '')
    case 'date':
      return fc.constantFrom('2026-02-30', 'today', '2026-13-01', '2026-02-28T00:00:00Z', '')
    case 'datetime':
      return fc.constantFrom('2026-03-01T10:00:00', '2026-02-30', '2026-03-01T25:00Z', 'today', '')
    case 'boolean':
      return fc.constantFrom('yes', '1', 'TRUE', '')
    case 'single_select':
    case 'multi_select':
      return fc.constantFrom('nope', 'INTERNET ', '')
    case 'relation':
    case 'user':
      return fc.constantFrom('not-a-uuid', '------------------------------------', '12345', '')
    default:
      return fc.constant('')
  }
}

/** Whether the field's type refuses some operand text (text types take any). */
const hasInvalidOperand = (field: FieldMeta) => !TEXT_TYPES.has(field.type) && field.type !== 'address'

function filterPart(field: FieldMeta): fc.Arbitrary<QueryPart> {
  const base = `filter[${encode(field.name)}]`
  const name = `filter`
  const allowed = field.operators
  const refusedOps = OPERATORS.filter((op) => !allowed.includes(op))
  const refused = fc.tuple(fc.constantFrom(...(refusedOps.length > 0 ? refusedOps : ['like']), 'like', '$gt', 'EQ', 'eq ', '', '客户', '0'), anyString)
    .map(([opName, text]) => part([[`${base}[${encode(opName)}]`, encode(text)]], 'invalid', [name]))
  const known = allowed.map((opName): fc.Arbitrary<QueryPart> => {
    const key = `${base}[${encode(opName)}]`
    const shape = OPERAND_SHAPE[opName]
    const invalidShapes: fc.Arbitrary<QueryPart>[] = [
      fc.constant(part([[`${key}[x]`, '1']], shape === 'none' ? 'valid' : shape === 'relative' ? 'invalid' : 'invalid', [name])),
      fc.constant(part([[`${key}[x][y][z]`, '1']], shape === 'none' ? 'valid' : 'invalid', [name])),
    ]
    const uncertain = fc.oneof(anyString.map(encode), fc.constantFrom(...RAW_JUNK_VALUES)).map((text) => part([[key, text]], 'unknown', [name]))
    if (shape === 'none') return fc.oneof(fc.constant(part([[key, '']], 'valid')), uncertain, ...invalidShapes)
    if (shape === 'relative') {
      return fc.oneof(
        fc.constantFrom(...RELATIVE_PERIODS).map((period) => part([[key, period]], 'valid')),
        fc.constantFrom('last_8_days', 'TODAY', 'today ', 'next_year', '', 'today,tomorrow', '-1d').map((period) => part([[key, encode(period)]], 'invalid', [name])),
        fc.constantFrom(...RELATIVE_PERIODS).map((period) => part([[`${key}[]`, period], [`${key}[]`, period]], 'invalid', [name])),
        uncertain,
        ...invalidShapes,
      )
    }
    const valid = operandText(field, 'valid')
    const invalid = operandText(field, 'invalid')
    const variants: fc.Arbitrary<QueryPart>[] = [uncertain, ...invalidShapes]
    if (shape === 'one') {
      variants.push(valid.map((text) => part([[key, encode(text)]], 'valid')))
      variants.push(fc.tuple(valid, valid).map(([a, b]) => part([[`${key}[]`, encode(a)], [`${key}[]`, encode(b)]], 'invalid', [name])))
      if (hasInvalidOperand(field) && opName !== 'contains' && opName !== 'starts_with') variants.push(invalid.map((text) => part([[key, encode(text)]], 'invalid', [name])))
    } else if (shape === 'pair') {
      variants.push(fc.tuple(valid, valid).map(([a, b]) => part([[key, `${encode(a)},${encode(b)}`]], 'valid')))
      variants.push(fc.array(valid, { minLength: 0, maxLength: 4 }).filter((items) => items.length !== 2).map((items) => part([[key, items.map(encode).join(',')]], 'invalid', [name])))
      if (hasInvalidOperand(field)) variants.push(fc.tuple(valid, invalid.filter((text) => text !== '')).map(([a, b]) => part([[key, `${encode(a)},${encode(b)}`]], 'invalid', [name])))
    } else {
      variants.push(fc.array(valid, { minLength: 1, maxLength: 5 }).map((items) => part([[key, items.map(encode).join(',')]], 'valid')))
      variants.push(fc.array(valid, { minLength: 1, maxLength: 5 }).map((items) => part(items.map((item) => [`${key}[]`, encode(item)]), 'valid')))
      variants.push(fc.constant(part([[key, '']], 'invalid', [name])))
      variants.push(fc.constant(part([[key, Array.from({ length: 501 }, (_, i) => `v${i}`).join(',')]], 'invalid', [name])))
      if (hasInvalidOperand(field)) variants.push(fc.tuple(fc.array(valid, { maxLength: 3 }), invalid.filter((text) => text !== '')).map(([items, bad]) => part([[key, [...items, bad].map(encode).join(',')]], 'invalid', [name])))
    }
    return fc.oneof(...variants)
  })
  return known.length > 0 ? fc.oneof({ weight: 6, arbitrary: fc.oneof(...known) }, { weight: 2, arbitrary: refused }) : refused
}

/** Filter parts on distinct fields (plus unknown fields and misshapen filters). */
function filterParts(object: ObjectMeta): fc.Arbitrary<QueryPart[]> {
  const perField = new Map(object.fields.map((field) => [field, filterPart(field)]))
  const known = new Set(object.fields.map((field) => field.name))
  const unknownName = fc.oneof(fc.constantFrom('nonexistent', 'Name', 'name ', '客户', 'a.b', '0', '', 'x'.repeat(300), 'deleted_at', 'version'), fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }))
    .filter((name) => !/[[\]]/.test(name) && !known.has(name) && !['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__'].includes(name))
  const unknownField = fc.tuple(unknownName, fc.constantFrom(...OPERATORS)).map(([name, op]) => part([[`filter[${encode(name)}][${op}]`, '1']], 'invalid', ['filter']))
  const misshapen = fc.constantFrom(
    part([['filter', 'abc!']], 'invalid', ['filter']),
    // Beside filter[field][op] parameters, qs merges an empty `filter=` away: either answer is right.
    part([['filter', '']], 'unknown', ['filter']),
    part([['filter[]', 'x']], 'invalid', ['filter']),
    part([['filter[][eq]', 'x']], 'invalid', ['filter']),
    part([['filter[constructor][eq]', 'x']], 'unknown', ['filter']),
    part([['filter[__proto__][eq]', 'x']], 'unknown', ['filter']),
    part([['filter[name][constructor]', 'x']], 'unknown', ['filter']),
    part([['filter[name][__proto__][eq]', 'x']], 'unknown', ['filter']),
  )
  return fc.tuple(
    fc.uniqueArray(fc.constantFrom(...object.fields), { maxLength: 3, selector: (field) => field.name }).chain((fields): fc.Arbitrary<QueryPart[]> => (fields.length === 0 ? fc.constant([]) : fc.tuple(...fields.map((field) => perField.get(field)!)))),
    sometimes(unknownField, 0.2),
    sometimes(misshapen, 0.1),
  ).map(([parts, unknown, odd]) => [...parts, ...(unknown ? [unknown] : []), ...(odd ? [odd] : [])])
}

function cursorFor(sortText: string): fc.Arbitrary<QueryPart> {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const values = fc.oneof(
    fc.constantFrom<string | null>(null, '1', '-12.5', '2026-03-01', '2026-03-01T00:00:00.000Z', 'true', '0.00', 'NaN', 'Infinity'),
    fc.constantFrom<string | null>('abc', '', '2026-02-30', '1e999', 'maybe', 'a\u0000', '\ud800', '(select 1)', 'x'.repeat(5000)),
  )
  const ids = fc.oneof(absentUuid, fc.constantFrom('------------------------------------', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '00000000-0000-0000-0000-000000000000'))
  return fc.oneof(
    // Random bytes and text never decode to a cursor of this query: refused, naming the cursor.
    fc.uint8Array({ minLength: 0, maxLength: 60 }).filter((bytes) => bytes.length > 0).map((bytes) => part([['cursor', encode(Buffer.from(bytes).toString('base64url'))]], 'invalid', ['cursor'])),
    fc.base64String({ minLength: 4, maxLength: 40 }).map((text) => part([['cursor', encode(text)]], 'invalid', ['cursor'])),
    fc.constantFrom('%%%', 'W10', 'bnVsbA', 'WzEsMiwzXQ', b64(['other', null, '00000000-0000-4000-8000-000000000000']), b64([sortText, null]), b64([sortText, 1, '00000000-0000-4000-8000-000000000000']), b64([sortText, null, 'not-a-uuid']), b64({ sort: sortText }))
      .map((text) => part([['cursor', text]], 'invalid', ['cursor'])),
    // A cursor of this sort with an odd position: any answer but a 5xx.
    fc.tuple(values, ids).map(([value, id]) => part([['cursor', b64([sortText, value, id])]], 'unknown', ['cursor'])),
    fc.constant(part([['cursor[]', 'x']], 'invalid', ['cursor'])),
  )
}

function sortAndCursor(object: ObjectMeta): fc.Arbitrary<QueryPart[]> {
  const sortable = object.fields.filter((field) => field.sortable || field.name === 'id')
  const unsortable = object.fields.filter((field) => !field.sortable && field.name !== 'id')
  const known = new Set(object.fields.map((field) => field.name))
  const sort = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...sortable), fc.boolean()).map(([field, desc]) => ({ text: `${desc ? '-' : ''}${field.name}`, field, part: part([['sort', `${desc ? '-' : ''}${field.name}`]], 'valid') })) },
    { weight: 1, arbitrary: fc.constant({ text: object.defaultSort, field: undefined as FieldMeta | undefined, part: null as QueryPart | null }) },
    { weight: 2, arbitrary: fc.constantFrom('', '-', '--name', 'name,id', '+name', 'nonexistent', '客户', ' name', 'NAME').filter((text) => !known.has(text.replace(/^-/, ''))).map((text) => ({ text, field: undefined as FieldMeta | undefined, part: part([['sort', encode(text)]], 'invalid', ['sort']) as QueryPart | null })) },
    ...(unsortable.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...unsortable).map((field) => ({ text: field.name, field: field as FieldMeta | undefined, part: part([['sort', field.name]], 'invalid', ['sort']) as QueryPart | null })) }] : []),
    { weight: 1, arbitrary: fc.constant({ text: 'name', field: undefined as FieldMeta | undefined, part: part([['sort[]', 'name'], ['sort[]', 'id']], 'invalid', ['sort']) as QueryPart | null }) },
  )
  const cursors = new Map<string, fc.Arbitrary<QueryPart | null>>()
  const cursorOf = (text: string) => cursors.get(text) ?? cursors.set(text, sometimes(cursorFor(text), 0.35)).get(text)!
  return sort.chain((chosen) => cursorOf(chosen.text).map((cursor) => [...(chosen.part ? [chosen.part] : []), ...(cursor ? [cursor] : [])]))
}

function limitPart(): fc.Arbitrary<QueryPart> {
  return fc.oneof(
    fc.integer({ min: 1, max: 200 }).map((n) => part([['limit', String(n)]], 'valid')),
    fc.constantFrom('0', '201', '-1', 'abc', '1e2', '10.5', ' 5', '99999', '', '00000', '0x10', '1,2', 'Infinity', '٣').map((text) => part([['limit', encode(text)]], 'invalid', ['limit'])),
    fc.constant(part([['limit[]', '5']], 'invalid', ['limit'])),
    fc.constant(part([['limit[a]', '5']], 'invalid', ['limit'])),
  )
}

function fieldsPart(object: ObjectMeta): fc.Arbitrary<QueryPart> {
  const names = object.fields.map((field) => field.name)
  return fc.oneof(
    fc.subarray(names, { minLength: 1, maxLength: 4 }).map((chosen) => part([['fields', chosen.map(encode).join(',')]], 'valid')),
    fc.tuple(fc.subarray(names, { maxLength: 2 }), fc.constantFrom('nonexistent', 'NAME', '客户', 'version', 'x'.repeat(300))).map(([chosen, bad]) => part([['fields', [...chosen, bad].map(encode).join(',')]], 'invalid', ['fields'])),
    fc.constantFrom(',,', ' , ', '').map((text) => part([['fields', encode(text)]], 'valid')),
    fc.constant(part([['fields[]', 'name']], 'invalid', ['fields'])),
  )
}

/** Search text: random unicode, emoji, NUL, lone surrogates (encoded), very long. */
export const searchText = fc.oneof(
  { weight: 3, arbitrary: anyString.map((text) => ({ raw: encode(text), length: text.length })) },
  { weight: 1, arbitrary: fc.constantFrom('张伟', 'zhangwei', 'zw', '138 1234', '5678', 'a', '😀', '%', '_').map((text) => ({ raw: encode(text), length: text.length })) },
  { weight: 1, arbitrary: fc.constantFrom('abc\u0000', '张伟\u0000', 'zhang\u0000wei', 'abc\ud800def', '\udfffabc').map((text) => ({ raw: encode(text), length: text.length })) },
  { weight: 1, arbitrary: fc.constantFrom(...RAW_JUNK_VALUES).map((raw) => ({ raw, length: -1 })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', '张', '😀', 'ab ', '1'), fc.integer({ min: 30, max: 1500 })).map(([unit, times]) => ({ raw: encode(unit.repeat(times)), length: unit.length * times })) },
)

function junkParams(): fc.Arbitrary<QueryPart> {
  return fc.constantFrom(
    part([['x[a][b][c][d][e][f]', '1']], 'valid'),
    part([['', '']], 'valid'),
    part([['=', '=']], 'valid'),
    part([['%', '%zz']], 'valid'),
    part([['unknown_param', '%ED%A0%80']], 'valid'),
    part(Array.from({ length: 1200 }, (_, i): [string, string] => [`p${i}`, '1']), 'valid'),
  )
}

/** A list query string for the object, with its verdict and the fields a refusal names. */
export function listQuery(object: ObjectMeta): fc.Arbitrary<{ query: string; verdict: Verdict; names: string[]; suspects: string[] }> {
  const mixed = listQueryParts(object)
  // Queries with nothing refused reach the database: odd operands, cursors and search text get there.
  return fc.oneof({ weight: 3, arbitrary: mixed }, { weight: 2, arbitrary: mixed.filter((query) => query.verdict === 'unknown') })
}

function listQueryParts(object: ObjectMeta): fc.Arbitrary<{ query: string; verdict: Verdict; names: string[]; suspects: string[] }> {
  return fc.tuple(
    filterParts(object),
    sortAndCursor(object),
    sometimes(limitPart(), 0.35),
    sometimes(fieldsPart(object), 0.25),
    sometimes(fc.oneof({ weight: 5, arbitrary: searchText.map(({ raw }) => part([['q', raw]], 'unknown', ['q'])) }, { weight: 1, arbitrary: fc.constant(part([['q[]', 'a']], 'invalid', ['q'])) }), 0.3),
    sometimes(fc.oneof(fc.constantFrom('true', 'false', 'yes', '').map((text) => part([['deleted', text]], 'valid')), fc.constant(part([['deleted[a]', 'true']], 'invalid', ['deleted']))), 0.15),
    sometimes(junkParams(), 0.1),
  ).map(([filters, sortCursor, limit, fields, q, deleted, junk]) => {
    const parts = [...filters, ...sortCursor, limit, fields, q, deleted].filter((item): item is QueryPart => item !== null)
    // The flood of extra parameters goes last, so the parameter limit never drops a real one.
    if (junk) parts.push(junk)
    return {
      query: parts.flatMap((item) => item.pairs).map(([key, value]) => `${key}=${value}`).join('&'),
      verdict: worst(parts.map((item) => item.verdict)),
      names: parts.flatMap((item) => (item.verdict === 'invalid' ? item.names : [])),
      suspects: parts.flatMap((item) => (item.verdict !== 'valid' ? item.names : [])),
    }
  })
}
