import fc from 'fast-check'

/**
 * Generators of the malformed-input property suite. Every generated value carries a verdict:
 * `invalid` values must be refused (a 4xx), `valid` ones may be accepted, and `unknown` ones (odd
 * unicode, NUL, edge numbers) may go either way — but nothing may ever be a 5xx.
 */

export type Verdict = 'valid' | 'invalid' | 'unknown'

/** A field as GET /api/metadata/objects/:object describes it. */
export interface FieldMeta {
  name: string
  type: string
  required: boolean
  readOnly: boolean
  system: boolean
  custom: boolean
  options?: Array<{ value: string }>
  target?: string
  relationKind?: string
  maxLength?: number
  min?: number
  max?: number
  scale?: number
  operators: string[]
  sortable: boolean
}

export interface ObjectMeta {
  name: string
  defaultSort: string
  fields: FieldMeta[]
}

/** What exists in the fuzzed workspace, so relation values can name live, deleted and foreign records. */
export interface World {
  objects: Record<string, ObjectMeta>
  /** Live record ids per object name. */
  live: Record<string, string[]>
  /** Ids of records in the recycle bin. */
  deleted: string[]
  /** Ids of records of another workspace. */
  foreign: string[]
}

export interface Entry {
  key: string
  value: unknown
  verdict: Verdict
}

export interface Body {
  /** Serialized by hand so that keys like __proto__ reach the server as written. */
  json: string
  verdict: Verdict
  /** Keys of the entries that must be refused (the error should name one of them). */
  badKeys: string[]
  /** Keys a refusal may name: the refused and the odd entries; never a valid one. */
  suspects: string[]
}

/** The arbitrary's value with probability `p`, else null (shrinks towards null). */
export function sometimes<T>(arbitrary: fc.Arbitrary<T>, p: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: Math.round((1 - p) * 100), arbitrary: fc.constant(null) }, { weight: Math.round(p * 100), arbitrary })
}

const worst = (verdicts: Verdict[]): Verdict => (verdicts.includes('invalid') ? 'invalid' : verdicts.includes('unknown') ? 'unknown' : 'valid')

export const CURRENCY_CODES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'SGD', 'TWD', 'KRW', 'AUD', 'CAD']
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
const DEFAULT_MAX_LENGTH: Record<string, number> = { text: 255, long_text: 100_000, rich_text: 500_000, email: 254, phone: 40, url: 2048 }
const TEXT_TYPES = new Set(['text', 'long_text', 'rich_text', 'email', 'phone', 'url'])
const NUMERIC_TYPES = new Set(['number', 'percent', 'currency', 'rating'])

// ---------------------------------------------------------------- strings

/** Strings that stress storage and search: NUL, lone surrogates, emoji, bidi, SQL and LIKE syntax. */
export const NASTY_STRINGS = [
  'a\u0000b', '\u0000', 'x\ud800', '\udfff', '\ud83d', '👩‍💻🚀🇨🇳', '\u202eevil', '\u200b', 'e\u0301', '\ufeffbom',
  "' OR '1'='1", '%_\\', '"; drop table accounts; --', '$1', '{}', '[]', 'null', 'undefined', '\\u0000', '\r\n\t',
  '上海星辰科技有限公司', '𠀀𠀁', '😀'.repeat(60), 'ﷺ', 'İstanbul', 'ß', '\u3000全角\u3000',
]

const plainText = fc.oneof(
  fc.constantFrom('上海星辰科技有限公司', 'Acme Ltd', '张伟', "O'Brien & Sons", '100% 真实', 'a_b\\c', 'Zoë', '北京'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((text) => text.trim() !== '' && !text.includes('\u0000')),
)

/** Strings PostgreSQL cannot store as they are: NUL, and lone surrogates (which JSON escapes as \udXXX). */
export const UNSTORABLE_STRINGS = ['a\u0000b', '\u0000', 'x\ud800', '\udfff', '\ud83d', 'tail\udbff', '\u0000\ud800']

/** Any string at all, NUL and lone surrogates included. */
export const anyString = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...UNSTORABLE_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.constantFrom(' ', '   ', '\t\n', '') },
)

function deepObject(depth: number): unknown {
  let value: unknown = { leaf: [1, null, 'x'] }
  for (let i = 0; i < depth; i++) value = { a: value }
  return value
}

function deepArray(depth: number): unknown {
  let value: unknown = ['x']
  for (let i = 0; i < depth; i++) value = [value]
  return value
}

/** Objects no field accepts: none has the key `a`, `$gt` or `leaf`. */
const junkObject = fc.constantFrom<unknown>({ a: 1 }, { $gt: '' }, { a: { b: { c: [1, { d: null }] } } }, deepObject(60), { a: 'x'.repeat(1000) })
/** Non-empty arrays no field accepts (an empty array reads as "no value"). */
const junkArray = fc.constantFrom<unknown>([1], ['x-not-an-option'], [null, {}], [[[]]], deepArray(60))

export const hex = (bytes: number) => fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((array) => Buffer.from(array).toString('hex'))
/** A syntactically valid UUID that names no record. */
export const absentUuid = fc.uuid({ version: [4, 7] })
/** Ids that are not UUIDs, some of them shaped like one. */
export const MALFORMED_IDS = [
  'not-a-uuid', '------------------------------------', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '00000000000000000000000000000000',
  '0000000-00000-0000-0000-000000000000z', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz', '12345', "1' or '1'='1", '-1', '0'.repeat(300),
]

// ---------------------------------------------------------------- values per field type

const cents = (min: number, max: number) => fc.integer({ min: Math.ceil(min * 100), max: Math.floor(max * 100) })
const dayMs = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) })
const isoDate = dayMs.map((ms) => new Date(ms).toISOString().slice(0, 10))
const isoDateTime = fc.tuple(dayMs, fc.boolean()).map(([ms, offset]) => {
  const text = new Date(ms).toISOString()
  return offset ? `${text.slice(0, 19)}+08:00` : text
})

function decimalOf(field: FieldMeta, defaultScale: number): fc.Arbitrary<unknown> {
  const min = field.min ?? -1_000_000
  const max = field.max ?? 1_000_000
  const scale = field.scale ?? defaultScale
  if (scale === 0) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) }).chain((n) => fc.constantFrom<unknown>(n, String(n)))
  return cents(min, max).chain((n) => fc.constantFrom<unknown>(n / 100, (n / 100).toFixed(2)))
}

const optionsOf = (field: FieldMeta) => (field.options ?? []).map((option) => option.value)
const idsOf = (world: World, target: string | undefined) => (target ? world.live[target] ?? [] : [])

/** Values the field accepts, or undefined when the client may not set it. */
export function validValue(field: FieldMeta, world: World): fc.Arbitrary<unknown> | undefined {
  if (field.readOnly) return undefined
  switch (field.type) {
    case 'text':
    case 'long_text':
    case 'rich_text':
      return plainText.filter((text) => text.trim().length <= (field.maxLength ?? DEFAULT_MAX_LENGTH[field.type]))
    case 'email':
      return fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/), hex(4), fc.constantFrom('example.com', 'qq.com', 'mail.example.cn')).map(([name, tag, domain]) => `${name}.${tag}@${domain}`)
    case 'phone':
      return fc.constantFrom('13812345678', '+86 139-1234-5678', '021-6234 5678', '(010) 8888-6666', '+1 415 555 0100', '0086 18612345678')
    case 'url':
      return fc.constantFrom('example.com', 'https://rapport.example/path?q=1', 'http://a.b', 'https://例子.中国/路径')
    case 'number':
      return decimalOf(field, 4)
    case 'percent':
      return decimalOf(field, 2)
    case 'currency':
      return fc.oneof(
        fc.record({ amount: cents(-1e9, 1e9).map((n) => (n / 100).toFixed(2)), currency: fc.constantFrom(...CURRENCY_CODES) }, { requiredKeys: ['amount'] }),
        cents(0, 1e6).map((n) => n / 100),
      )
    case 'rating':
      return fc.integer({ min: 0, max: field.max ?? 5 })
    case 'date':
      return isoDate
    case 'datetime':
      return isoDateTime
    case 'boolean':
      return fc.boolean()
    case 'single_select':
      return fc.constantFrom(...optionsOf(field))
    case 'multi_select':
      return fc.subarray(optionsOf(field))
    case 'relation': {
      if (field.target === '*') return undefined
      const ids = idsOf(world, field.target)
      if (ids.length === 0) return undefined
      return field.relationKind === 'many_to_many' ? fc.subarray(ids, { maxLength: Math.min(3, ids.length) }) : fc.constantFrom(...ids)
    }
    case 'user':
      return fc.constantFrom(...idsOf(world, 'users'))
    case 'address':
      return fc.record({ country: fc.constantFrom('中国', 'CN'), province: fc.constantFrom('浙江省', 'Zhejiang'), city: plainText, street: plainText, postcode: fc.constantFrom('310000', '') }, { requiredKeys: [] })
    case 'file':
      return fc.record({ name: fc.constantFrom('合同.pdf', 'a.png'), url: fc.constantFrom('https://files.example/a', '/files/1'), size: fc.nat(), contentType: fc.constantFrom('application/pdf') }, { requiredKeys: ['name', 'url'] })
    default:
      return undefined
  }
}

/** Values the field must refuse, whatever else the body holds. */
export function invalidValue(field: FieldMeta, world: World): fc.Arbitrary<unknown> {
  if (field.readOnly) return fc.constantFrom<unknown>(null, 'x', 1, '2026-01-01T00:00:00Z', '00000000-0000-4000-8000-000000000000')
  const common: fc.Arbitrary<unknown>[] = [junkObject, junkArray]
  if (field.required) common.push(fc.constantFrom<unknown>(null, ''))
  if (!NUMERIC_TYPES.has(field.type) && field.type !== 'boolean') common.push(fc.constantFrom<unknown>(0, 42, -1.5, 1e21, true, false))
  if (NUMERIC_TYPES.has(field.type)) common.push(fc.constantFrom<unknown>(true, false))
  const specific = ((): unknown[] => {
    const max = field.maxLength ?? DEFAULT_MAX_LENGTH[field.type]
    switch (field.type) {
      case 'text':
      case 'long_text':
      case 'rich_text':
        return ['x'.repeat(max + 1)]
      case 'email':
        return ['not-an-email', 'a@b', '@example.com', 'a b@example.com', 'a@@example.com', '张伟@', 'a@example.com.', `${'x'.repeat(250)}@example.com`]
      case 'phone':
        return ['12345678901', '10012345678', '+86 120 1234 5678', '+86-11012345678', '1234', 'call me', '１３８１２３４５６７８', '1'.repeat(23), '1'.repeat(41)]
      case 'url':
        return ['javascript:alert(1)', 'ftp://example.com', 'localhost', 'http://', 'https://exa mple.com', 'mailto:a@example.com']
      case 'number':
      case 'percent': {
        const scale = field.scale ?? (field.type === 'percent' ? 2 : 4)
        return [
          'NaN', 'Infinity', '-Infinity', '1e5', '0x1F', '1,000', '١٢٣', '12.34.5', ' ', 'abc', '+5', '.5', '5.', 1e16, 1e21, '1'.repeat(16),
          scale === 0 ? '1.5' : `1.${'1'.repeat(scale + 1)}`,
          ...(field.min !== undefined ? [field.min - 1] : []),
          ...(field.max !== undefined ? [field.max + 1] : []),
        ]
      }
      case 'currency':
        return [
          { amount: '1.234' }, { amount: 'abc' }, { amount: 'NaN' }, { amount: '1', currency: 'XXX' }, { amount: '1', currency: 'cny' },
          { amount: '1', currency: 1 }, { amount: '1', fee: 2 }, {}, { amount: null }, { currency: 'CNY' }, 1.005, '12.345', 'abc',
          { amount: 1e16 }, { amount: '1e3' }, { amount: '99999999999999999.00' }, { amount: { amount: '1' } }, { amount: ['1'] },
        ]
      case 'rating':
        return [(field.max ?? 5) + 1, -1, 2.5, '3', 'five', 1e10]
      case 'date':
        return ['2026-02-30', '2026-13-01', '2026-1-1', '20260101', '2026-02-29', '0000-01-01', '2026-02-28T00:00:00Z', 'yesterday', '2026/02/01', '2026-02-28 ', '+2026-01-01']
      case 'datetime':
        return ['2026-02-30T10:00:00Z', '2026-03-01T25:00:00Z', '2026-03-01T10:00:00', '2026-03-01', 'now', '2026-03-01T10:00:00+25:00', '2026-03-01T10:60:00Z', '9999-12-31T23:59:59-14:00', '2026-03-01 10:00:00Z', '-010000-01-01T00:00:00Z']
      case 'boolean':
        return ['true', 'false', 1, 0, 'yes', {}, [true]]
      case 'single_select': {
        const first = optionsOf(field)[0] ?? 'x'
        return ['platinum', first.toUpperCase() === first ? `${first}!` : first.toUpperCase(), `${first} `, 1, { value: first }, [first]]
      }
      case 'multi_select': {
        const first = optionsOf(field)[0] ?? 'x'
        return [first, ['nope'], [first, 'nope'], [1], { [first]: true }]
      }
      case 'relation':
      case 'user': {
        const syntactic: unknown[] = [...MALFORMED_IDS, 123]
        if (field.target === '*') return syntactic
        const target = field.type === 'user' ? 'users' : field.target!
        const otherObjects = Object.keys(world.live).filter((name) => name !== target).flatMap((name) => world.live[name].slice(0, 1))
        const absent = [...world.foreign, ...world.deleted, ...otherObjects, '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff']
        if (field.relationKind === 'many_to_many') return ['not-a-list', idsOf(world, target)[0] ?? 'x', ...syntactic.map((id) => [id]), ...absent.map((id) => [id]), [...idsOf(world, target).slice(0, 1), absent[0]]]
        return [...syntactic, ...absent, [idsOf(world, target)[0]]]
      }
      case 'address':
        return ['Shanghai', { city: 1 }, { planet: 'Mars' }, { city: 'x'.repeat(201) }, { city: { a: 1 } }, { city: ['杭州'] }]
      case 'file':
        return ['a.pdf', { url: 'x' }, { name: '', url: 'x' }, { name: 'a', url: 'x', size: -1 }, { name: 'a', url: 5 }, { name: 'a'.repeat(256), url: 'x' }, { name: 'a', url: 'x', contentType: 1 }]
      case 'auto_number':
        return [1, '1', 'x']
      default:
        return []
    }
  })()
  return fc.oneof(...common, ...(specific.length > 0 ? [fc.constantFrom(...specific)] : []))
}

/** Values that may be accepted or refused, but never break the server. */
export function uncertainValue(field: FieldMeta, world: World): fc.Arbitrary<unknown> {
  const extra: unknown[] = field.required ? [] : [null, '', []]
  switch (field.type) {
    case 'number':
    case 'percent':
    case 'currency':
    case 'rating':
      extra.push(0, -0, 1e-7, 999999999999999.9, 999999999999999, Number.MAX_SAFE_INTEGER, '-0', ' 12 ', '000001', '-0.00')
      break
    case 'date':
      extra.push('9999-12-31', '1000-01-01', '0100-01-01', '1900-02-29', '2000-02-29')
      break
    case 'datetime':
      extra.push('2026-03-01T24:00:00Z', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999999Z', '2026-03-01T10:00+0800', '1970-01-01T00:00:00.000001-00:00')
      break
    case 'relation':
    case 'user': {
      const ids = idsOf(world, field.type === 'user' ? 'users' : field.target)
      extra.push(...ids.slice(0, 1).map((id) => id.toUpperCase()), absentUuidValue)
      if (field.target === '*') extra.push(...Object.values(world.live).flat().slice(0, 3))
      break
    }
    case 'multi_select':
      extra.push([...optionsOf(field), ...optionsOf(field)])
      break
    default:
      break
  }
  return fc.oneof(anyString, ...(extra.length > 0 ? [fc.constantFrom(...extra)] : []))
}

const absentUuidValue = '2d8a8f3e-5b1c-4c9e-9f61-3b7a2c1d0e4f'

function entryFor(field: FieldMeta, world: World): fc.Arbitrary<Entry> {
  const valid = validValue(field, world)
  return fc.oneof(
    ...(valid ? [{ weight: 5, arbitrary: valid.map((value): Entry => ({ key: field.name, value, verdict: 'valid' })) }] : []),
    { weight: 2, arbitrary: invalidValue(field, world).map((value): Entry => ({ key: field.name, value, verdict: 'invalid' })) },
    { weight: 2, arbitrary: uncertainValue(field, world).map((value): Entry => ({ key: field.name, value, verdict: 'unknown' })) },
  )
}

/** Keys that are no field of any object (and that JSON parsing does not refuse). */
const UNKNOWN_KEYS = ['nonsense', 'Name', 'NAME', 'name ', ' name', 'workspace_id', 'deleted_at', 'version', 'custom', 'search_text', 'search_tokens', 'password_hash', 'object', '客户名称', 'a.b', '$where', 'toString', 'hasOwnProperty', 'valueOf', '', 'x'.repeat(500)]

function unknownEntry(object: ObjectMeta): fc.Arbitrary<Entry> {
  const known = new Set(object.fields.map((field) => field.name))
  if (object.name === 'users') known.add('password')
  const keys = fc.oneof(fc.constantFrom(...UNKNOWN_KEYS), fc.string({ unit: 'binary', maxLength: 12 }))
    .filter((key) => !known.has(key) && key !== '__proto__')
  return fc.tuple(keys, fc.oneof(anyString, fc.constant<unknown>(null), junkObject, fc.integer())).map(([key, value]): Entry => ({ key, value, verdict: 'invalid' }))
}

/** Keys JSON parsing refuses or that name the prototype: the body as a whole is refused. */
const POISON_ENTRIES: Entry[] = [
  { key: '__proto__', value: { admin: true }, verdict: 'invalid' },
  { key: 'constructor', value: { prototype: { admin: true } }, verdict: 'invalid' },
]

function passwordEntry(): fc.Arbitrary<Entry> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<Entry>({ key: 'password', value: 'correct horse battery', verdict: 'valid' }) },
    { weight: 3, arbitrary: fc.constantFrom<unknown>('short', '', 1234567890, null, ['correct horse battery'], { a: 1 }, 'x'.repeat(201)).map((value): Entry => ({ key: 'password', value, verdict: 'invalid' })) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>('密码密码密码密码', 'a\u0000bcdefghij', '\ud800\ud800\ud800\ud800\ud800\ud800\ud800\ud800').map((value): Entry => ({ key: 'password', value, verdict: 'unknown' })) },
  )
}

export function serialize(entries: Entry[]): string {
  return `{${entries.map((entry) => `${JSON.stringify(entry.key)}:${JSON.stringify(entry.value)}`).join(',')}}`
}

const writableFields = (object: ObjectMeta) => object.fields.filter((field) => !field.readOnly && field.name !== 'id')

function toBody(object: ObjectMeta, entries: Entry[], mode: 'create' | 'update'): Body {
  const verdicts = entries.map((entry) => entry.verdict)
  const given = new Set(entries.map((entry) => entry.key))
  const missing = mode === 'create' ? writableFields(object).filter((field) => field.required && !given.has(field.name)).map((field) => field.name) : []
  if (missing.length > 0) verdicts.push('invalid')
  return {
    json: serialize(entries),
    verdict: worst(verdicts),
    badKeys: [...entries.filter((entry) => entry.verdict === 'invalid').map((entry) => entry.key), ...missing],
    suspects: [...entries.filter((entry) => entry.verdict !== 'valid').map((entry) => entry.key), ...missing],
  }
}

/** Entries a create accepts: every required field and some others, all valid. */
function validEntries(object: ObjectMeta, world: World): fc.Arbitrary<Entry[]> {
  const perField = writableFields(object).map((field) => {
    const valid = validValue(field, world)
    if (!valid) return fc.constant(null)
    const arbitrary = valid.map((value): Entry => ({ key: field.name, value, verdict: 'valid' }))
    return field.required ? arbitrary : sometimes(arbitrary, 0.5)
  })
  return fc.tuple(...perField).map((entries) => entries.filter((entry): entry is Entry => entry !== null))
}

/** A valid body for the object (to create, or to update). */
export function validBody(object: ObjectMeta, world: World, mode: 'create' | 'update'): fc.Arbitrary<Body> {
  return validEntries(object, world).map((entries) => toBody(object, entries, mode))
}

/** An entry that must be refused: a bad value, an unknown or read-only key, a weak password. */
function refusedEntry(object: ObjectMeta, world: World): fc.Arbitrary<Entry> {
  const writable = writableFields(object)
  const readOnly = object.fields.filter((field) => field.readOnly)
  return fc.oneof(
    { weight: 6, arbitrary: fc.oneof(...writable.map((field) => invalidValue(field, world).map((value): Entry => ({ key: field.name, value, verdict: 'invalid' })))) },
    { weight: 1, arbitrary: unknownEntry(object) },
    ...(readOnly.length > 0 ? [{ weight: 1, arbitrary: fc.oneof(...readOnly.map((field) => invalidValue(field, world).map((value): Entry => ({ key: field.name, value, verdict: 'invalid' })))) }] : []),
    ...(object.name === 'users' ? [{ weight: 1, arbitrary: passwordEntry().filter((entry) => entry.verdict === 'invalid') }] : []),
  )
}

/** An entry that may be accepted or refused: odd unicode, NUL, edge numbers and dates. */
function oddEntry(object: ObjectMeta, world: World): fc.Arbitrary<Entry> {
  return fc.oneof(
    // Text fields store strings as they come: the likeliest to reach the database with odd content.
    { weight: 6, arbitrary: fc.oneof(...writableFields(object).map((field) => ({ weight: TEXT_TYPES.has(field.type) ? 3 : 1, arbitrary: uncertainValue(field, world).map((value): Entry => ({ key: field.name, value, verdict: 'unknown' })) }))) },
    ...(object.name === 'users' ? [{ weight: 1, arbitrary: passwordEntry().filter((entry) => entry.verdict === 'unknown') }] : []),
  )
}

/** Valid entries with one entry replaced (or, `undefined` value, one required field left out). */
function withEntry(object: ObjectMeta, world: World, entry: fc.Arbitrary<Entry>, mode: 'create' | 'update'): fc.Arbitrary<Body> {
  return fc.tuple(validEntries(object, world), entry).map(([entries, extra]) => {
    const kept = entries.filter((item) => item.key !== extra.key)
    return toBody(object, extra.value === undefined ? kept : [...kept, extra], mode)
  })
}

/**
 * A JSON object body for a create or an update of the object: a mix of valid, refused and odd
 * values with unknown and read-only keys and required fields left out or nulled; or a valid body
 * with exactly one refused value, or with exactly one odd value (so that it reaches the database).
 */
export function recordBody(object: ObjectMeta, world: World, mode: 'create' | 'update'): fc.Arbitrary<Body> {
  const writable = writableFields(object)
  const readOnly = object.fields.filter((field) => field.readOnly)
  const perField = writable.map((field) => sometimes(entryFor(field, world), field.required && mode === 'create' ? 0.9 : 0.35))
  const extras = fc.tuple(
    sometimes(unknownEntry(object), 0.2),
    readOnly.length > 0 ? sometimes(fc.oneof(...readOnly.map((field) => invalidValue(field, world).map((value): Entry => ({ key: field.name, value, verdict: 'invalid' })))), 0.1) : fc.constant(null),
    sometimes(fc.constantFrom(...POISON_ENTRIES), 0.03),
    object.name === 'users' ? sometimes(passwordEntry(), 0.3) : fc.constant(null),
  ).map((items) => items.filter((item): item is Entry => item !== null))
  const mixed = fc.tuple(fc.tuple(...perField), extras).map(([fieldEntries, extraEntries]) =>
    toBody(object, [...fieldEntries.filter((entry): entry is Entry => entry !== null), ...extraEntries], mode))
  return fc.oneof(
    { weight: 4, arbitrary: mixed },
    { weight: 3, arbitrary: withEntry(object, world, refusedEntry(object, world), mode) },
    { weight: 3, arbitrary: withEntry(object, world, oddEntry(object, world), mode) },
  )
}

/** One record that must be refused: a valid body with one refused value (or, to create, a required field left out). */
export function badRecordBody(object: ObjectMeta, world: World, mode: 'create' | 'update'): fc.Arbitrary<Body> {
  const required = writableFields(object).filter((field) => field.required)
  const breaking = fc.oneof(
    { weight: 5, arbitrary: refusedEntry(object, world).filter((entry) => entry.key !== 'password') },
    ...(required.length > 0 && mode === 'create' ? [{ weight: 1, arbitrary: fc.constantFrom(...required).map((field): Entry => ({ key: field.name, value: undefined, verdict: 'invalid' })) }] : []),
  )
  return withEntry(object, world, breaking, mode)
}

// ---------------------------------------------------------------- query strings

/** Percent-encodes text, lone surrogates included (as the CESU-8 bytes a sloppy client sends). */
export function encode(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2))
      i++
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('')
    } else {
      out += encodeURIComponent(text[i])
    }
  }
  return out
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
