import { sql } from 'kysely'
import type { Actor } from '../access/actor.ts'
import type { ObjectPermission, RolePermissions } from '../access/roles.ts'
import { workspaceOfToken } from '../auth/tokens.ts'
import type { Db } from '../db/database.ts'
import { AppError, type FieldError } from '../errors/app-error.ts'
import { translate, type Locale } from '../i18n/translate.ts'
import { catalogFor, type Catalog } from '../metadata/object-catalog.ts'
import { recordColumns, rowToRecord, type ApiRecord } from '../records/row-mapping.ts'
import { createRecords } from '../records/write-pipeline.ts'
import { activeUser } from './assignment-pick.ts'
import { HONEYPOT_FIELD } from './web-form-definition.ts'

export interface PublicForm {
  workspaceId: string
  form: ApiRecord
  catalog: Catalog
}

/** An active form by its public token, or undefined (unknown, deleted or switched off). */
export async function findPublicForm(db: Db, token: string): Promise<PublicForm | undefined> {
  const workspaceId = token.length <= 200 ? workspaceOfToken(token) : undefined
  if (!workspaceId) return undefined
  const workspace = await db.selectFrom('workspaces').select('metadata_version').where('id', '=', workspaceId).executeTakeFirst()
  if (!workspace) return undefined
  const catalog = await catalogFor(db, workspaceId, workspace.metadata_version)
  const webForms = catalog.get('web_forms')
  const row = await db.selectFrom('web_forms').select(recordColumns(webForms)).where('workspace_id', '=', workspaceId).where('token', '=', token)
    .where('deleted_at', 'is', null).where(sql<boolean>`active is not false`).executeTakeFirst()
  return row && { workspaceId, form: rowToRecord(webForms, row), catalog }
}

const reads: ObjectPermission = { create: false, read: true, update: false, delete: false, export: false, scope: 'all' }
// A form creates its lead and the submission note, and reads only what those link to.
const FORM_PERMISSIONS: RolePermissions = {
  leads: { ...reads, create: true },
  activities: { ...reads, create: true },
  users: reads,
  tags: reads,
  web_forms: reads,
}

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '')

function checkSubmission(form: ApiRecord, body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'expected_object' }])
  const input = body as Record<string, unknown>
  const shown = (form.fields as string[] | null) ?? ['name']
  const required = new Set(['name', ...((form.required_fields as string[] | null) ?? [])])
  const errors: FieldError[] = []
  for (const key of Object.keys(input)) {
    if (key !== HONEYPOT_FIELD && key !== 'consent' && !shown.includes(key)) errors.push({ field: key.slice(0, 100), code: 'unknown_field' })
  }
  for (const name of shown) if (required.has(name) && isBlank(input[name])) errors.push({ field: name, code: 'required' })
  if (form.require_consent === true && input.consent !== true) errors.push({ field: 'consent', code: 'consent_required' })
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
  return Object.fromEntries(shown.filter((name) => !isBlank(input[name])).map((name) => [name, input[name]]))
}

/**
 * Stores a visitor's submission as a new lead (source, form, default owner or the assignment rules,
 * default tags) with a note on its timeline recording the submission and the consent given, acting
 * as the form's owner (else its creator). A filled-in honeypot is accepted and dropped: the bot
 * learns nothing. Field checks are the lead's own, named per field, in the visitor's language.
 */
export async function submitWebForm(db: Db, found: PublicForm, body: unknown, locale: Locale, now: Date): Promise<{ stored: boolean }> {
  const { form, catalog, workspaceId } = found
  const trapped = typeof body === 'object' && body !== null && (body as Record<string, unknown>)[HONEYPOT_FIELD]
  if (typeof trapped === 'string' && trapped.trim() !== '') return { stored: false }
  const visitorValues = checkSubmission(form, body)
  return db.transaction().execute(async (trx) => {
    const owner = await activeUser(trx, workspaceId, form.default_owner_id as string | null)
    const actingId = owner?.id ?? (form.created_by as string)
    const acting = await trx.selectFrom('users').select('locale').where('workspace_id', '=', workspaceId).where('id', '=', actingId).executeTakeFirst()
    const actor: Actor = { workspaceId, userId: actingId, role: 'web_form', teamId: null, permissions: FORM_PERMISSIONS, locale }
    const ctx = { db: trx, actor, catalog, now: () => now }
    const defaultTags = (form.default_tags as string[] | null) ?? []
    const tags = defaultTags.length === 0 ? [] : (await trx.selectFrom('tags').select('id').where('workspace_id', '=', workspaceId)
      .where('id', 'in', defaultTags).where('deleted_at', 'is', null).execute()).map((row) => row.id as string)
    const [lead] = await createRecords(ctx, catalog.get('leads'), [{
      ...visitorValues,
      status: 'new',
      source: form.default_source ?? 'web_form',
      source_detail: String(form.name).slice(0, 200),
      web_form_id: form.id,
      owner_id: owner?.id ?? null,
      ...(tags.length > 0 && { tags }),
    }], { trx })
    const noteLocale: Locale = acting?.locale === 'en' || acting?.locale === 'zh-CN' ? acting.locale : locale
    const consent = form.require_consent === true ? translate(noteLocale, 'webform.note_consent', { text: String(form.consent_text ?? '') }) : null
    await createRecords(ctx, catalog.get('activities'), [{
      type: 'note',
      subject: translate(noteLocale, 'webform.note_subject', { form: String(form.name) }),
      description: consent,
      lead_id: lead.id,
      owner_id: lead.owner_id,
    }], { trx })
    return { stored: true }
  })
}
