import ICAL from 'ical.js'
import { assertCan } from '../access/record-access.ts'
import { writeAudit } from '../audit/audit-log.ts'
import { AppError } from '../errors/app-error.ts'
import { isMessageKey, translate } from '../i18n/translate.ts'
import { nowOf, type RecordContext } from '../records/record-context.ts'
import { scopedSelect } from '../records/scoped-query.ts'
import { createRecords } from '../records/write-pipeline.ts'

const MAX_CARDS = 1000

export type CardResult =
  | { index: number; name: string; status: 'created'; id: string; account: 'linked' | 'not_found' | null }
  | { index: number; name: string; status: 'failed'; error: { code: string; fields: { field: string; code: string; message: string }[] } }

type Props = [string, Record<string, unknown>, string, unknown][]

/** The cards of a .vcf text, each on its own so that one broken card does not sink the others. */
function splitCards(text: string): string[] {
  return text.match(/^BEGIN:VCARD\r?$[\s\S]*?^END:VCARD\r?$/gim) ?? []
}

const first = (props: Props, name: string, prefer?: string): unknown => {
  const matching = props.filter((prop) => prop[0] === name)
  const preferred = prefer ? matching.find((prop) => String(prop[1].type ?? '').toUpperCase().includes(prefer)) : undefined
  return (preferred ?? matching[0])?.[3]
}
const part = (value: unknown, index: number): string => (Array.isArray(value) ? String(value[index] ?? '') : index === 0 && value !== undefined ? String(value) : '').trim()
const hasCjk = (text: string) => /[\u3400-\u9fff]/.test(text)

/** One parsed card → a contact's input, plus its organisation name to link an account by. */
function contactInput(props: Props): { input: Record<string, unknown>; org: string } {
  const n = first(props, 'n')
  const family = part(n, 0)
  const given = part(n, 1)
  const fromN = hasCjk(family + given) ? family + given : [given, family].filter(Boolean).join(' ')
  const name = part(first(props, 'fn'), 0) || fromN
  const adr = first(props, 'adr', 'WORK')
  const input: Record<string, unknown> = { name }
  const set = (key: string, value: string) => value && (input[key] = value)
  set('job_title', part(first(props, 'title'), 0))
  set('email', part(first(props, 'email'), 0).replace(/^mailto:/i, ''))
  set('phone', part(first(props, 'tel', 'CELL'), 0).replace(/^tel:/i, ''))
  set('city', part(adr, 3))
  set('description', part(first(props, 'note'), 0))
  return { input, org: part(first(props, 'org'), 0) }
}

/**
 * Creates one contact per vCard (3.0 or 4.0) through the write pipeline, each in its own transaction;
 * ORG links the contact to a reachable account of that exact name. Reports the outcome per card.
 */
export async function importVcards(ctx: RecordContext, text: string): Promise<{ created: number; failed: number; results: CardResult[] }> {
  const contacts = ctx.catalog.get('contacts')
  assertCan(ctx.actor, contacts, 'create')
  const cards = splitCards(text)
  if (cards.length === 0) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'invalid_vcard' }])
  if (cards.length > MAX_CARDS) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'too_many_items', params: { max: MAX_CARDS } }])
  const accounts = ctx.catalog.get('accounts')
  const results: CardResult[] = []
  for (const [index, card] of cards.entries()) {
    let parsed: { input: Record<string, unknown>; org: string }
    try {
      const jcard = ICAL.parse(card) as unknown as [string, Props, unknown[]]
      parsed = contactInput(jcard[1])
    } catch {
      results.push({ index, name: '', status: 'failed', error: failure(ctx, new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'invalid_vcard' }])) })
      continue
    }
    let account: 'linked' | 'not_found' | null = null
    if (parsed.org) {
      const found = await scopedSelect(ctx, accounts).select('id').where('name', '=', parsed.org).orderBy('id').limit(1).executeTakeFirst()
      account = found ? 'linked' : 'not_found'
      if (found) parsed.input.account_id = found.id
    }
    try {
      const [record] = await createRecords(ctx, contacts, [parsed.input])
      results.push({ index, name: String(parsed.input.name), status: 'created', id: record.id, account })
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      results.push({ index, name: String(parsed.input.name), status: 'failed', error: failure(ctx, error) })
    }
  }
  const created = results.filter((result) => result.status === 'created').length
  await writeAudit(ctx.db, ctx.actor, { action: 'import', object: contacts.name, details: { format: 'vcf', cards: results.length, created, failed: results.length - created } }, nowOf(ctx))
  return { created, failed: results.length - created, results }
}

function failure(ctx: RecordContext, error: AppError) {
  const locale = ctx.actor.locale
  return {
    code: error.code,
    fields: error.fields.map((field) => ({
      field: field.field,
      code: field.code,
      message: isMessageKey(`field.${field.code}`) ? translate(locale, `field.${field.code}` as never, field.params) : field.code,
    })),
  }
}
