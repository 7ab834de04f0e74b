import { randomBytes } from 'node:crypto'
import { AppError, type FieldError } from '../errors/app-error.ts'
import { registerHooks, type WriteChange } from '../records/record-hooks.ts'
import { assertAdministrator } from './administrator-only.ts'
import { originList } from './web-form-origins.ts'

const DEFAULT_FIELDS = ['name', 'company', 'phone', 'email']

/** `<workspace id>.<random>`: public, yet naming its workspace so a lookup stays within it. */
const newFormToken = (workspaceId: string) => `${workspaceId}.${randomBytes(12).toString('base64url')}`

function checkForm(change: WriteChange): FieldError[] {
  const form = { ...change.before, ...change.values }
  const errors: FieldError[] = []
  const at = (field: string) => `${change.pathPrefix}${field}`
  const fields = (form.fields as string[] | null) ?? []
  // The lead's name is required, so every form asks for it, first.
  if (change.op === 'create' || 'fields' in change.values) {
    change.values.fields = ['name', ...(fields.length > 0 ? fields : DEFAULT_FIELDS).filter((name) => name !== 'name')]
  }
  const shown = change.values.fields as string[] | undefined ?? fields
  const required = (form.required_fields as string[] | null) ?? []
  if (required.some((name) => !shown.includes(name))) errors.push({ field: at('required_fields'), code: 'not_on_form' })
  if (form.require_consent === true && !(typeof form.consent_text === 'string' && form.consent_text.trim())) errors.push({ field: at('consent_text'), code: 'required' })
  if (typeof form.allowed_origins === 'string' && originList(form.allowed_origins) === undefined) errors.push({ field: at('allowed_origins'), code: 'invalid_origin' })
  return errors
}

registerHooks('web_forms', {
  async beforeWrite(_trx, ctx, change) {
    assertAdministrator(ctx)
    if (change.op !== 'create' && change.op !== 'update') return
    if (change.op === 'create') {
      change.values.token = newFormToken(ctx.actor.workspaceId)
      change.values.active ??= true
      change.values.default_source ??= 'web_form'
    }
    const errors = checkForm(change)
    if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
  },
})
