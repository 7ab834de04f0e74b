import fc from 'fast-check'

/**
 * What the generators of the malformed-input property suite describe. Every generated value
 * carries a verdict: `invalid` values must be refused (a 4xx), `valid` ones may be accepted, and
 * `unknown` ones (odd unicode, NUL, edge numbers) may go either way — but nothing may ever be a 5xx.
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

/** One key of a JSON body, with the verdict of its value. */
export interface Entry {
  key: string
  value: unknown
  verdict: Verdict
}

/** The verdict of a request made of parts: any refused part refuses it, any odd part makes it odd. */
export const worst = (verdicts: Verdict[]): Verdict => (verdicts.includes('invalid') ? 'invalid' : verdicts.includes('unknown') ? 'unknown' : 'valid')

/** The arbitrary's value with probability `p`, else null (shrinks towards null). */
export function sometimes<T>(arbitrary: fc.Arbitrary<T>, p: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: Math.round((1 - p) * 100), arbitrary: fc.constant(null) }, { weight: Math.round(p * 100), arbitrary })
}
