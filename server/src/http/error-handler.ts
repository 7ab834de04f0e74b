import type { Socket } from 'node:net'
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, type ErrorCode, type FieldError } from '../errors/app-error.ts'
import { isMessageKey, localeFromHeader, translate, type Locale } from '../i18n/translate.ts'

export function errorBody(error: AppError, locale: Locale) {
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
      const params = issue.params as { type?: string; limit?: number }
      const byKeyword: Record<string, { code: string; params?: Record<string, number> }> = {
        required: { code: 'required' },
        type: { code: params.type === 'string' ? 'expected_text' : `expected_${params.type}` },
        maxLength: { code: 'too_long', params: { max: params.limit ?? 0 } },
        minLength: params.limit === 1 ? { code: 'required' } : { code: 'too_short', params: { min: params.limit ?? 0 } },
        additionalProperties: { code: 'unknown_field' },
      }
      const mapped = byKeyword[issue.keyword] ?? { code: 'expected_text' }
      const code = isMessageKey(`field.${mapped.code}`) ? mapped.code : 'expected_text'
      return { field: path || error.validationContext || 'body', code, params: mapped.params }
    })
    return new AppError('VALIDATION_FAILED', fields)
  }
  const byStatus: Record<number, ErrorCode> = { 400: 'BAD_REQUEST', 404: 'NOT_FOUND', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 429: 'RATE_LIMITED' }
  const code = error.statusCode ? byStatus[error.statusCode] : undefined
  if (!code) return undefined
  const isJson = error.code?.startsWith('FST_ERR_CTP') && code === 'BAD_REQUEST'
  return new AppError(code, isJson ? [{ field: 'body', code: 'invalid_json' }] : [])
}

/**
 * PostgreSQL's answers to two writers in each other's way (a deadlock, a serialization failure, a
 * lock it would not wait for): the transaction rolled back whole, so the caller may simply retry.
 */
const CONTENTION_CODES = new Set(['40P01', '40001', '55P03'])

function fromDatabase(error: unknown): AppError | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && CONTENTION_CODES.has(code) ? new AppError('BUSY') : undefined
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = localeFromHeader(request.headers['accept-language'])
    const known = error instanceof AppError ? error : fromFastify(error) ?? fromDatabase(error)
    if (known) return reply.status(known.status).send(errorBody(known, locale))
    request.log.error(error)
    return reply.status(500).send(errorBody(new AppError('INTERNAL'), locale))
  })
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(errorBody(new AppError('NOT_FOUND'), localeFromHeader(request.headers['accept-language'])))
  })
}

/** Refusals the router makes before any route runs (an undecodable URL), in our error shape. */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const known = fromFastify(error) ?? new AppError('BAD_REQUEST', [{ field: 'url', code: 'invalid_characters' }])
  reply.status(known.status).send(errorBody(known, localeFromHeader(request.headers['accept-language'])))
}

/** Requests Node's HTTP parser refuses (headers too large, garbage): answered in our error shape and the caller's language. */
export function clientErrorHandler(error: ConnectionError, socket: Socket) {
  if (!socket.writable) return
  const language = /accept-language:[ \t]*([^\r\n]*)/i.exec((error.rawPacket as unknown as Buffer | undefined)?.toString('latin1') ?? '')?.[1]
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW'
  const status = tooLarge ? 431 : 400
  const json = JSON.stringify(errorBody(new AppError('BAD_REQUEST', [{ field: tooLarge ? 'headers' : 'request', code: tooLarge ? 'too_long' : 'invalid_characters', params: { max: 16384 } }]), localeFromHeader(language)))
  socket.end(`HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`)
}
