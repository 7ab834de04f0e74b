import { AppError, type FieldError } from '../errors/app-error.ts'

/** What the person converting chose: the account (existing or new), the contact's changes, the deal. */
export interface ConversionRequest {
  account: { id: string } | { create: Record<string, unknown> }
  contact: Record<string, unknown>
  opportunity: Record<string, unknown> | null
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Reads `{ account: { id } | { create }, contact?: { create }, opportunity?: {...} | null }`, naming every bad part. */
export function parseConversionRequest(body: unknown): ConversionRequest {
  if (!isObject(body)) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'expected_object' }])
  const errors: FieldError[] = []
  const unknown = Object.keys(body).filter((key) => !['account', 'contact', 'opportunity'].includes(key))
  unknown.forEach((key) => errors.push({ field: key.slice(0, 100), code: 'unknown_field' }))
  const { account, contact, opportunity } = body
  let chosen: ConversionRequest['account'] = { create: {} }
  if (account !== undefined) {
    const hasId = isObject(account) && account.id !== undefined
    const hasCreate = isObject(account) && account.create !== undefined
    if (!isObject(account) || hasId === hasCreate || Object.keys(account).length !== 1) errors.push({ field: 'account', code: 'id_or_create' })
    else if (hasId && typeof account.id !== 'string') errors.push({ field: 'account.id', code: 'invalid_id' })
    else if (hasCreate && !isObject(account.create)) errors.push({ field: 'account.create', code: 'expected_object' })
    else chosen = hasId ? { id: account.id as string } : { create: account.create as Record<string, unknown> }
  }
  let contactValues: Record<string, unknown> = {}
  if (contact !== undefined) {
    if (!isObject(contact) || Object.keys(contact).some((key) => key !== 'create')) errors.push({ field: 'contact', code: 'expected_object' })
    else if (contact.create !== undefined && !isObject(contact.create)) errors.push({ field: 'contact.create', code: 'expected_object' })
    else contactValues = (contact.create as Record<string, unknown> | undefined) ?? {}
  }
  if (opportunity !== undefined && opportunity !== null && !isObject(opportunity)) errors.push({ field: 'opportunity', code: 'expected_object' })
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
  return { account: chosen, contact: contactValues, opportunity: (opportunity as Record<string, unknown> | null | undefined) ?? null }
}
