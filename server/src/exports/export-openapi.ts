import type { ObjectSchema } from '../metadata/object-catalog.ts'
import { EXPORT_FORMATS, formats } from './export-formats.ts'

const error = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }
const refusals = {
  '400': { description: 'Invalid filter, sort, fields or format; `error.fields` names it', ...error },
  '403': { description: 'The role may not export this object', ...error },
}

/** OpenAPI paths of an object's export (and, on contacts, vCard import). */
export function exportPaths(object: ObjectSchema, tag: string): Record<string, unknown> {
  const allowed = EXPORT_FORMATS.filter((name) => (formats[name].object ?? object.name) === object.name)
  const paths: Record<string, unknown> = {
    [`/api/v1/${object.name}/export`]: {
      get: {
        tags: [tag],
        summary: `Download ${object.pluralLabel.en} as a file (streamed, no row cap; audited)`,
        description: 'Takes the list\'s `filter`, `sort`, `q` and `fields` (the columns, CSV and Excel only).',
        parameters: [
          { name: 'format', in: 'query', schema: { type: 'string', enum: allowed, default: 'csv' } },
          { name: 'filter', in: 'query', style: 'deepObject', explode: true, schema: { type: 'object' } },
          { name: 'sort', in: 'query', schema: { type: 'string' } },
          { name: 'q', in: 'query', schema: { type: 'string' } },
          { name: 'fields', in: 'query', schema: { type: 'string' }, description: 'Comma-separated field names' },
          { name: 'lang', in: 'query', schema: { type: 'string', enum: ['zh-CN', 'en'] }, description: 'Language of headers and values; default: Accept-Language' },
        ],
        responses: { '200': { description: 'The file, as an attachment', content: Object.fromEntries(allowed.map((name) => [formats[name].contentType.split(';')[0], {}])) }, ...refusals },
      },
    },
  }
  if (object.name === 'contacts') {
    paths['/api/v1/contacts/vcard'] = {
      post: {
        tags: [tag],
        summary: 'Import vCards (3.0 or 4.0) as contacts, one transaction per card',
        requestBody: { required: true, content: { 'text/vcard': { schema: { type: 'string' } } } },
        responses: { '200': { description: '`created`, `failed` and the outcome of each card' }, ...refusals },
      },
    }
  }
  return paths
}

export const auditPaths = {
  '/api/v1/audit': {
    get: {
      tags: ['Audit'],
      summary: 'The audit log, newest first (administrators)',
      parameters: [
        { name: 'action', in: 'query', schema: { type: 'string' } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
        { name: 'cursor', in: 'query', schema: { type: 'string' }, description: '`next_cursor` of the previous page' },
      ],
      responses: { '200': { description: 'A page of entries' }, '403': { description: 'Administrators only', ...error } },
    },
  },
}
