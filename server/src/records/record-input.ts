import { AppError, type FieldError } from '../errors/app-error.ts'
import { fieldTypes } from '../metadata/field-types/index.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'

export type WriteMode = 'create' | 'update'

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)

/**
 * Checks a request body against the object's fields: unknown and read-only fields, required
 * fields, and each value by its type. Returns normalised values; throws one 400 naming every bad field.
 */
export function checkInput(object: ObjectSchema, input: unknown, mode: WriteMode, pathPrefix = ''): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new AppError('VALIDATION_FAILED', [{ field: pathPrefix.replace(/\.$/, '') || 'body', code: 'expected_object' }])
  }
  const errors: FieldError[] = []
  const values: Record<string, unknown> = {}
  // for…in, not Object.entries: no [name, value] array per field of every row of an import.
  for (const name in input) {
    if (!Object.hasOwn(input, name)) continue
    const raw = (input as Record<string, unknown>)[name]
    const field = object.field(name)
    const path = `${pathPrefix}${name}`.slice(0, 200)
    if (!field) {
      errors.push({ field: path, code: 'unknown_field' })
      continue
    }
    if (field.readOnly) {
      errors.push({ field: path, code: 'read_only' })
      continue
    }
    if (isEmpty(raw) && !(field.type === 'boolean' && raw === false)) {
      if (field.required) errors.push({ field: path, code: 'required' })
      else values[name] = field.type === 'multi_select' || (field.type === 'relation' && field.relationKind === 'many_to_many') ? [] : null
      continue
    }
    const checked = fieldTypes[field.type].parse(raw, field)
    if (!checked.ok) errors.push({ field: path, ...checked.issue })
    // Text that trims to nothing is no value.
    else if (checked.value === '' && field.required) errors.push({ field: path, code: 'required' })
    else values[name] = checked.value === '' ? null : checked.value
  }
  if (mode === 'create') {
    for (const field of object.fields) {
      if (field.required && !field.readOnly && values[field.name] === undefined && !errors.some((e) => e.field === `${pathPrefix}${field.name}`)) {
        errors.push({ field: `${pathPrefix}${field.name}`, code: 'required' })
      }
    }
  }
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
  return values
}
