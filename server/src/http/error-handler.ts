import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, type ErrorCode, type FieldError } from '../errors/app-error.ts'
import { isMessageKey, localeFromHeader, translate, type Locale } from '../i18n/translate.ts'

function body(error: AppError, locale: Locale) {
  return {
    error: {
      code: error.code,
      message: translate(locale, `error.${error.code}`, error.params),
      fields: error.fields.map((field: FieldError) => ({
        field: field.field,
        code: field.code,
        message: isMessageKey(`field.${field.code}`) ? translate(locale, `field.${field.code}` as never, field.params) : field.code,
      })),
    },
  }
}

/** Fastify's own refusals (bad JSON, wrong content type, schema checks) as our error codes. */
function fromFastify(error: FastifyError): AppError | undefined {
  if (error.validation) {
    const fields = error.validation.map((issue) => {
      const missing = (issue.params as { missingProperty?: string }).missingProperty
      const path = [issue.instancePath.replace(/^\//, '').replace(/\//g, '.'), missing].filter(Boolean).join('.')
      const code = missing ? 'required' : issue.keyword === 'type' ? `expected_${(issue.params as { type: string }).type === 'string' ? 'text' : (issue.params as { type: string }).type}` : 'invalid_value'
      return { field: path || error.validationContext || 'body', code: isMessageKey(`field.${code}`) ? code : 'expected_text' }
    })
    return new AppError('VALIDATION_FAILED', fields)
  }
  const byStatus: Record<number, ErrorCode> = { 400: 'BAD_REQUEST', 404: 'NOT_FOUND', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 429: 'RATE_LIMITED' }
  const code = error.statusCode ? byStatus[error.statusCode] : undefined
  if (!code) return undefined
  const isJson = error.code?.startsWith('FST_ERR_CTP') && code === 'BAD_REQUEST'
  return new AppError(code, isJson ? [{ field: 'body', code: 'invalid_json' }] : [])
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = localeFromHeader(request.headers['accept-language'])
    const known = error instanceof AppError ? error : fromFastify(error)
    if (known) return reply.status(known.status).send(body(known, locale))
    request.log.error(error)
    return reply.status(500).send(body(new AppError('INTERNAL'), locale))
  })
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(body(new AppError('NOT_FOUND'), localeFromHeader(request.headers['accept-language'])))
  })
}
