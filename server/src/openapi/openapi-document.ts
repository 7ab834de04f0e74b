import type { Catalog } from '../metadata/object-catalog.ts'
import type { Locale } from '../i18n/translate.ts'
import { operatorsOf } from '../records/list-filters.ts'
import { filterGuide, inputSchema, recordSchema } from './object-schemas.ts'
import { auditPaths, exportPaths } from '../exports/export-openapi.ts'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (schema: unknown) => ({ 'application/json': { schema } })
const errors = {
  '400': { description: 'Invalid input; `error.fields` names each field and why', content: json(ref('Error')) },
  '401': { description: 'Not signed in', content: json(ref('Error')) },
  '403': { description: 'Not permitted', content: json(ref('Error')) },
  '404': { description: 'Not found (or out of the caller\'s record scope)', content: json(ref('Error')) },
}
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }
const byCurrency = { type: 'object', additionalProperties: { type: 'string' }, description: 'Money sums per currency code' }
const aggregate = {
  type: 'object',
  required: ['count'],
  properties: {
    count: { type: 'integer' },
    sum: { type: ['string', 'null'] },
    sum_by_currency: byCurrency,
    max: {},
    groups: { type: 'array', items: { type: 'object', properties: { value: {}, count: { type: 'integer' }, sum: { type: ['string', 'null'] }, sum_by_currency: byCurrency } } },
  },
}
const ifMatch = { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'The record version (ETag); a stale version gets 412 and changes nothing' }

/** OpenAPI 3.1 of the REST API, derived from the workspace's objects (custom ones included). */
export function buildOpenApiDocument(catalog: Catalog, locale: Locale): Record<string, unknown> {
  const schemas: Record<string, unknown> = {
    Error: {
      type: 'object',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message', 'fields'],
          properties: {
            code: { type: 'string' },
            message: { type: 'string' },
            fields: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
      },
    },
  }
  const paths: Record<string, unknown> = {}
  for (const object of catalog.objects) {
    const name = object.singular.replace(/(^|_)(\w)/g, (_, __, char: string) => char.toUpperCase())
    schemas[name] = recordSchema(object, locale)
    schemas[`${name}Create`] = inputSchema(object, locale, 'create')
    schemas[`${name}Update`] = inputSchema(object, locale, 'update')
    const tag = object.pluralLabel[locale]
    const page = { type: 'object', properties: { data: { type: 'array', items: ref(name) }, next_cursor: { type: ['string', 'null'] } } }
    paths[`/api/v1/${object.name}`] = {
      get: {
        tags: [tag],
        summary: `List ${object.pluralLabel.en}`,
        description: `Filter with \`filter[field][operator]=value\`. Operators by field:\n${filterGuide(object, operatorsOf)}`,
        parameters: [
          { name: 'filter', in: 'query', style: 'deepObject', explode: true, schema: { type: 'object' } },
          { name: 'sort', in: 'query', schema: { type: 'string' }, description: '`field` or `-field` (descending)' },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
          { name: 'cursor', in: 'query', schema: { type: 'string' }, description: '`next_cursor` of the previous page' },
          { name: 'fields', in: 'query', schema: { type: 'string' }, description: 'Comma-separated field names' },
          { name: 'q', in: 'query', schema: { type: 'string' }, description: 'Search text (Chinese, pinyin, initials, fragments)' },
        ],
        responses: { '200': { description: 'A page', content: json(page) }, ...errors },
      },
      post: {
        tags: [tag],
        summary: `Create a ${object.label.en}`,
        parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string' }, description: 'Repeating a key returns the first result' }],
        requestBody: { required: true, content: json(ref(`${name}Create`)) },
        responses: { '201': { description: 'Created', content: json(ref(name)) }, ...errors },
      },
    }
    paths[`/api/v1/${object.name}/bulk`] = {
      post: {
        tags: [tag],
        summary: `Create and update ${object.pluralLabel.en} in bulk (all or nothing, up to 1,000 each)`,
        requestBody: { required: true, content: json({ type: 'object', properties: { create: { type: 'array', items: ref(`${name}Create`) }, update: { type: 'array', items: { allOf: [ref(`${name}Update`)], properties: { id: { type: 'string', format: 'uuid' }, version: { type: 'integer' } }, required: ['id'] } } } }) },
        responses: { '200': { description: 'Done', content: json({ type: 'object', properties: { created: { type: 'array', items: ref(name) }, updated: { type: 'array', items: ref(name) } } }) }, ...errors },
      },
    }
    paths[`/api/v1/${object.name}/{id}`] = {
      parameters: [idParam],
      get: { tags: [tag], summary: `Get a ${object.label.en}`, responses: { '200': { description: 'The record; ETag is its version', content: json(ref(name)) }, ...errors } },
      patch: { tags: [tag], summary: `Update a ${object.label.en}`, parameters: [ifMatch], requestBody: { required: true, content: json(ref(`${name}Update`)) }, responses: { '200': { description: 'Updated', content: json(ref(name)) }, '412': { description: 'Stale version', content: json(ref('Error')) }, ...errors } },
      delete: { tags: [tag], summary: `Move a ${object.label.en} to the recycle bin`, parameters: [ifMatch], responses: { '200': { description: 'Deleted', content: json(ref(name)) }, '412': { description: 'Stale version', content: json(ref('Error')) }, ...errors } },
    }
    paths[`/api/v1/${object.name}/{id}/restore`] = { parameters: [idParam], post: { tags: [tag], summary: 'Restore from the recycle bin', responses: { '200': { description: 'Restored', content: json(ref(name)) }, ...errors } } }
    paths[`/api/v1/${object.name}/aggregate`] = {
      get: {
        tags: [tag],
        summary: `Count, sum and group ${object.pluralLabel.en}`,
        description: 'Takes the list\'s `filter` and `q`. Sums are exact decimal strings.',
        parameters: [
          { name: 'filter', in: 'query', style: 'deepObject', explode: true, schema: { type: 'object' } },
          { name: 'q', in: 'query', schema: { type: 'string' } },
          { name: 'group_by', in: 'query', schema: { type: 'string' }, description: 'A select, boolean, user, relation, date, rating or text field' },
          { name: 'sum', in: 'query', schema: { type: 'string' }, description: 'A number, money, percent or rating field' },
          { name: 'max', in: 'query', schema: { type: 'string' }, description: 'A number, money, date or text field' },
        ],
        responses: { '200': { description: 'Totals', content: json(aggregate) }, ...errors },
      },
    }
    paths[`/api/v1/${object.name}/{id}/timeline`] = { parameters: [idParam], get: { tags: [tag], summary: 'Activities and field-change history, newest first', responses: { '200': { description: 'Timeline' }, ...errors } } }
    Object.assign(paths, exportPaths(object, tag))
  }
  paths['/api/v1/search'] = { get: { tags: ['Search'], summary: 'Search across objects', parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'Results grouped by object' }, ...errors } } }
  Object.assign(paths, auditPaths)
  return {
    openapi: '3.1.0',
    info: { title: 'Rapport API', version: '1', description: 'REST API of Rapport CRM. Errors: `{ error: { code, message, fields } }`, messages follow Accept-Language (zh-CN or en).' },
    servers: [{ url: '/' }],
    security: [{ session: [] }, { apiKey: [] }],
    components: {
      schemas,
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'rapport_session' },
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key from POST /api/auth/api-keys' },
      },
    },
    paths,
  }
}
