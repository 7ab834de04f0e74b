import { fieldTypes } from '../metadata/field-types/index.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import type { FieldDefinition } from '../metadata/object-definition.ts'
import type { Locale } from '../i18n/translate.ts'

type JsonSchema = Record<string, unknown>

const SYSTEM_SCHEMAS: Record<string, JsonSchema> = {
  id: { type: 'string', format: 'uuid', readOnly: true },
  created_at: { type: 'string', format: 'date-time', readOnly: true },
  updated_at: { type: 'string', format: 'date-time', readOnly: true },
}

function fieldSchema(field: FieldDefinition, locale: Locale): JsonSchema {
  const base = SYSTEM_SCHEMAS[field.name] ?? fieldTypes[field.type].jsonSchema(field)
  return { ...base, description: field.label[locale], ...(field.readOnly && { readOnly: true }) }
}

const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }], description: schema.description })

/** The record as the API returns it: every field, null when empty. */
export function recordSchema(object: ObjectSchema, locale: Locale): JsonSchema {
  const properties: Record<string, JsonSchema> = {}
  for (const field of object.allFields) properties[field.name] = field.name === 'id' ? fieldSchema(field, locale) : nullable(fieldSchema(field, locale))
  properties.version = { type: 'integer', description: 'Optimistic-concurrency version, sent back in If-Match' }
  return { type: 'object', title: object.label[locale], properties, required: ['id', 'version'] }
}

/** The body of a create (`required` enforced) or an update (all optional). */
export function inputSchema(object: ObjectSchema, locale: Locale, mode: 'create' | 'update'): JsonSchema {
  const properties: Record<string, JsonSchema> = {}
  const required: string[] = []
  for (const field of object.allFields) {
    if (field.readOnly) continue
    properties[field.name] = field.required ? fieldSchema(field, locale) : nullable(fieldSchema(field, locale))
    if (mode === 'create' && field.required) required.push(field.name)
  }
  if (object.name === 'users') properties.password = { type: 'string', minLength: 8, writeOnly: true }
  return { type: 'object', additionalProperties: false, properties, ...(required.length > 0 && { required }) }
}

/** Human-readable list of the filter operators of each field, for the list operation's description. */
export function filterGuide(object: ObjectSchema, operatorsOf: (field: FieldDefinition) => readonly string[]): string {
  return object.allFields
    .map((field) => `- \`${field.name}\` (${field.type}): ${operatorsOf(field).join(', ')}`)
    .join('\n')
}
