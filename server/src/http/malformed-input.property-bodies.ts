import fc from 'fast-check'
import { sometimes, worst, type Entry, type FieldMeta, type ObjectMeta, type Verdict, type World } from './malformed-input.property-model.ts'
import { anyString } from './malformed-input.property-text.ts'
import { invalidValue, junkObject, TEXT_TYPES, uncertainValue, validValue } from './malformed-input.property-values.ts'

/** JSON bodies for creating and updating records: single records and the records of a bulk batch. */

export interface Body {
  /** Serialized by hand so that keys like __proto__ reach the server as written. */
  json: string
  verdict: Verdict
  /** Keys of the entries that must be refused (the error should name one of them). */
  badKeys: string[]
  /** Keys a refusal may name: the refused and the odd entries; never a valid one. */
  suspects: string[]
}

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
