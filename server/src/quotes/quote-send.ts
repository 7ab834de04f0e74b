import { can } from '../access/record-access.ts'
import { AppError, type FieldError } from '../errors/app-error.ts'
import { fieldTypes } from '../metadata/field-types/index.ts'
import { mailConfigured, sendMail } from '../mail/mailer.ts'
import { getRecord } from '../records/get-record.ts'
import type { RecordContext } from '../records/record-context.ts'
import type { ApiRecord } from '../records/row-mapping.ts'
import { createRecords, updateRecords } from '../records/write-pipeline.ts'
import { quoteAtVersion, quotePdf } from './quote-pdf-service.ts'
import { quoteSendText } from './quote-send-text.ts'
import { syncQuote } from './quote-sync.ts'

export interface SendInput {
  email: boolean
  to?: string
  cc?: string
  subject?: string
  message?: string
}

const EMAIL_FIELD = { name: 'to', type: 'email' as const, label: { en: '', 'zh-CN': '' } }

export function checkSendInput(body: unknown): SendInput {
  const input = (body ?? {}) as Record<string, unknown>
  if (typeof input !== 'object' || Array.isArray(input)) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'expected_object' }])
  const errors: FieldError[] = []
  const result: SendInput = { email: true }
  for (const [key, value] of Object.entries(input)) {
    if (key === 'email') {
      if (typeof value !== 'boolean') errors.push({ field: key, code: 'expected_boolean' })
      else result.email = value
    } else if (key === 'to' || key === 'cc') {
      if (value === null || value === '') continue
      const checked = fieldTypes.email.parse(value, EMAIL_FIELD)
      if (!checked.ok) errors.push({ field: key, ...checked.issue })
      else result[key] = checked.value as string
    } else if (key === 'subject' || key === 'message') {
      const max = key === 'subject' ? 200 : 5000
      if (value === null || value === '') continue
      if (typeof value !== 'string') errors.push({ field: key, code: 'expected_text' })
      else if (value.length > max) errors.push({ field: key, code: 'too_long', params: { max } })
      else result[key] = value
    } else errors.push({ field: key, code: 'unknown_field' })
  }
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
  return result
}

async function recipientOf(ctx: RecordContext, quote: ApiRecord, input: SendInput): Promise<string> {
  if (input.to) return input.to
  const contact = typeof quote.contact_id === 'string'
    ? await ctx.db.selectFrom('contacts').select('email').where('workspace_id', '=', ctx.actor.workspaceId).where('id', '=', quote.contact_id).executeTakeFirst()
    : undefined
  if (!contact?.email) throw new AppError('VALIDATION_FAILED', [{ field: 'to', code: 'no_recipient' }])
  return contact.email as string
}

/** The email, as an activity on the customer's timeline (when the caller may log activities). */
async function logEmail(ctx: RecordContext, quote: ApiRecord, to: string, subject: string, text: string) {
  const activities = ctx.catalog.find('activities')
  if (!activities || !can(ctx.actor, activities, 'create')) return
  await createRecords(ctx, activities, [{
    type: 'email', subject, description: `To: ${to}\n\n${text}`, done: true, account_id: quote.account_id ?? null, contact_id: quote.contact_id ?? null,
    opportunity_id: quote.opportunity_id ?? null, related_object: 'quotes', related_id: quote.id,
  }])
}

/**
 * Marks the quote sent through the write pipeline (so an approval rule may refuse it) and, unless
 * `email: false`, mails the PDF to the contact. If the mail server refuses, the status is put back.
 */
export async function sendQuote(ctx: RecordContext, id: string, body: unknown): Promise<{ quote: ApiRecord; emailed: boolean; to: string | null }> {
  const input = checkSendInput(body)
  const quotes = ctx.catalog.get('quotes')
  const before = await getRecord(ctx, quotes, id)
  const to = input.email ? await recipientOf(ctx, before, input) : null
  if (input.email && !(await mailConfigured(ctx.db, ctx.actor.workspaceId))) {
    throw new AppError('CONFLICT', [{ field: 'email', code: 'mail_not_configured' }])
  }
  const [sent] = await updateRecords(ctx, quotes, [{ id, input: { status: 'sent' } }])
  if (!to) return { quote: sent, emailed: false, to: null }
  const { pdf, filename } = await quotePdf(ctx, await quoteAtVersion(ctx, id))
  const text = quoteSendText(ctx.actor.locale, sent, input)
  try {
    const delivered = await sendMail(ctx.db, ctx.actor.workspaceId, {
      to, ...(input.cc && { cc: input.cc }), subject: text.subject, text: text.body,
      attachments: [{ filename, content: pdf, contentType: 'application/pdf' }],
    })
    if (!delivered) throw new Error('no mail server')
  } catch {
    if (before.status !== 'sent') {
      await ctx.db.transaction().execute((trx) => syncQuote(trx, ctx, id, { kind: 'restore', values: { status: before.status, sent_at: before.sent_at ?? null } }))
    }
    throw new AppError('CONFLICT', [{ field: 'email', code: 'mail_failed' }])
  }
  await logEmail(ctx, sent, to, text.subject, text.body)
  return { quote: await getRecord(ctx, quotes, id), emailed: true, to }
}
