import { fieldTypes } from '../metadata/field-types/index.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import { buildSearchDocument, type SearchValue } from '../search/search-document.ts'

/** The search document of a record from its searchable field values. */
export function searchDocumentOf(object: ObjectSchema, values: Record<string, unknown>) {
  const parts: SearchValue[] = []
  for (const field of object.allFields) {
    if (!field.searchable) continue
    const value = values[field.name]
    if (value === null || value === undefined || value === '') continue
    const texts = fieldTypes[field.type].searchText?.(value) ?? [String(value)]
    const kind = object.personName && field.name === object.titleField ? 'person' : 'text'
    for (const text of texts) if (text) parts.push({ text, kind })
  }
  return buildSearchDocument(parts)
}
