import { AppError, type FieldError } from '../errors/app-error.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import { isImportable } from './cell-values.ts'
import type { ColumnMapping } from './header-mapping.ts'
import type { OnDuplicate } from './import-store.ts'

const DUPLICATE_CHOICES: OnDuplicate[] = ['skip', 'update', 'create']
const KEY_TYPES = ['text', 'email', 'phone', 'url', 'number', 'auto_number']

export interface CheckedSettings {
  mapping?: ColumnMapping
  match_key?: string | null
  on_duplicate?: OnDuplicate
}

/** Checks a mapping (header → importable field, each field once), the match key and the duplicate choice. */
export function checkSettings(object: ObjectSchema, headers: string[], body: unknown): CheckedSettings {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'expected_object' }])
  const input = body as { mapping?: unknown; match_key?: unknown; on_duplicate?: unknown }
  const errors: FieldError[] = []
  const result: CheckedSettings = {}
  const unknown = Object.keys(input).find((key) => !['mapping', 'match_key', 'on_duplicate'].includes(key))
  if (unknown) errors.push({ field: unknown.slice(0, 100), code: 'unknown_field' })
  if (input.mapping !== undefined) {
    if (typeof input.mapping !== 'object' || input.mapping === null || Array.isArray(input.mapping)) {
      errors.push({ field: 'mapping', code: 'expected_object' })
    } else {
      const mapping: ColumnMapping = Object.fromEntries(headers.map((header) => [header, null]))
      const used = new Set<string>()
      for (const [header, name] of Object.entries(input.mapping)) {
        const path = `mapping.${header}`.slice(0, 200)
        if (!headers.includes(header)) errors.push({ field: path, code: 'unknown_column' })
        else if (name === null || name === '') mapping[header] = null
        else if (typeof name !== 'string' || !object.field(name) || !isImportable(object.field(name)!)) errors.push({ field: path, code: 'unknown_field' })
        else if (used.has(name)) errors.push({ field: path, code: 'duplicate_mapping' })
        else {
          used.add(name)
          mapping[header] = name
        }
      }
      result.mapping = mapping
    }
  }
  if (input.match_key !== undefined) {
    const key = input.match_key
    if (key === null || key === '') result.match_key = null
    else if (typeof key !== 'string' || !object.field(key) || !KEY_TYPES.includes(object.field(key)!.type)) errors.push({ field: 'match_key', code: 'unknown_field' })
    else result.match_key = key
  }
  if (input.on_duplicate !== undefined) {
    if (!DUPLICATE_CHOICES.includes(input.on_duplicate as OnDuplicate)) errors.push({ field: 'on_duplicate', code: 'invalid_option', params: { allowed: DUPLICATE_CHOICES.join(', ') } })
    else result.on_duplicate = input.on_duplicate as OnDuplicate
  }
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
  return result
}
