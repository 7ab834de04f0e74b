import type { FieldIssue } from '../metadata/field-types/field-type.ts'

export type ErrorCode =
  | 'VALIDATION_FAILED' | 'NOT_FOUND' | 'OBJECT_NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'INVALID_CREDENTIALS'
  | 'PRECONDITION_FAILED' | 'PRECONDITION_REQUIRED' | 'CONFLICT' | 'IDEMPOTENCY_MISMATCH' | 'SIGN_UP_DISABLED'
  | 'RATE_LIMITED' | 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' | 'INTERNAL'
  | 'UNPROCESSABLE' | 'BUSY'

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400, BAD_REQUEST: 400, NOT_FOUND: 404, OBJECT_NOT_FOUND: 404, FORBIDDEN: 403,
  UNAUTHENTICATED: 401, INVALID_CREDENTIALS: 401, PRECONDITION_FAILED: 412, PRECONDITION_REQUIRED: 428,
  CONFLICT: 409, IDEMPOTENCY_MISMATCH: 422, SIGN_UP_DISABLED: 403, RATE_LIMITED: 429, PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415, INTERNAL: 500, UNPROCESSABLE: 422, BUSY: 409,
}

export interface FieldError extends FieldIssue {
  /** Field path: `email`, `filter.amount`, `create[3].name`. */
  field: string
}

/** A refusal with a code; mapped to HTTP status and localized message in one place (http/error-handler.ts). */
export class AppError extends Error {
  readonly status: number
  constructor(
    readonly code: ErrorCode,
    readonly fields: FieldError[] = [],
    readonly params: Record<string, string | number> = {},
  ) {
    super(code)
    this.status = STATUS[code]
  }
}

export const validationFailed = (fields: FieldError[]) => new AppError('VALIDATION_FAILED', fields)
/**
 * Well-formed values that break a rule involving other fields or the record's state (a reason required
 * when a deal is won, a stage outside the pipeline, a status that needs approval): 422, naming the fields.
 * A malformed value itself is a 400 (`validationFailed`).
 */
export const ruleViolation = (fields: FieldError[]) => new AppError('UNPROCESSABLE', fields)
export const fieldError = (field: string, code: string, params?: FieldIssue['params']) => validationFailed([{ field, code, params }])
