import { assertCan, permissionFor } from '../access/record-access.ts'
import { AppError } from '../errors/app-error.ts'
import { appendEvents, type RecordEventInput } from '../events/event-log.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import { getRecord } from '../records/get-record.ts'
import { nowOf, type RecordContext } from '../records/record-context.ts'
import { recordColumns, rowToRecord, type ApiRecord } from '../records/row-mapping.ts'
import { scopedSelect } from '../records/scoped-query.ts'
import { createRecords, updateRecords } from '../records/write-pipeline.ts'
import { conversionContext } from './conversion-mark.ts'
import type { ConversionRequest } from './conversion-request.ts'
import { accountFromLead, contactFromLead, opportunityFromLead } from './conversion-values.ts'

export interface ConversionResult {
  lead: ApiRecord
  account: ApiRecord
  account_created: boolean
  contact: ApiRecord
  opportunity: ApiRecord | null
  activities_moved: number
}

/** Runs a write whose field errors are named under the part of the request they came from. */
async function underPrefix<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error
    throw new AppError('VALIDATION_FAILED', error.fields.map((field) => ({ ...field, field: `${prefix}${field.field}` })))
  }
}

async function existingAccount(ctx: RecordContext, accounts: ObjectSchema, id: string): Promise<ApiRecord> {
  try {
    return await getRecord(ctx, accounts, id)
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('VALIDATION_FAILED', [{ field: 'account.id', code: 'not_found' }])
    throw error
  }
}

/**
 * The lead's activities now also concern the account, contact and deal (their empty links are filled;
 * `lead_id` stays, so the lead keeps its history). Activities others logged on the lead move too,
 * though the converter's own scope may not reach them: the history belongs to the lead.
 */
async function moveActivities(ctx: RecordContext, leadId: string, links: Record<string, string | null>): Promise<number> {
  const activities = ctx.catalog.get('activities')
  const permission = { ...permissionFor(ctx.actor, activities), read: true, update: true, scope: 'all' as const }
  const mover = { ...ctx, actor: { ...ctx.actor, permissions: { ...ctx.actor.permissions, activities: permission } } }
  const rows = await ctx.db.selectFrom('activities').select(['id', ...Object.keys(links)]).where('workspace_id', '=', ctx.actor.workspaceId)
    .where('lead_id', '=', leadId).where('deleted_at', 'is', null).orderBy('id').execute()
  const updates = rows.flatMap((row) => {
    const input = Object.fromEntries(Object.entries(links).filter(([field, value]) => value !== null && !row[field]))
    return Object.keys(input).length > 0 ? [{ id: row.id as string, input }] : []
  })
  if (updates.length > 0) await updateRecords(mover, activities, updates, { trx: ctx.db })
  return rows.length
}

/**
 * Converts a lead the caller may change, in one transaction: the chosen existing account or a new one,
 * a new contact, optionally a deal; the lead's activities and tags go along, and the lead is marked
 * converted, pointing at what it became. A second conversion is refused (409).
 */
export async function convertLead(ctx: RecordContext, id: string, request: ConversionRequest): Promise<ConversionResult> {
  const leads = ctx.catalog.get('leads')
  assertCan(ctx.actor, leads, 'update')
  if (!isUuid(id)) throw new AppError('NOT_FOUND')
  return ctx.db.transaction().execute(async (trx) => {
    const tx: RecordContext = { ...ctx, db: trx }
    const row = await scopedSelect(tx, leads, { db: trx, write: true }).select(recordColumns(leads)).where('id', '=', id).forUpdate().executeTakeFirst()
    if (!row) throw new AppError('NOT_FOUND')
    const lead = rowToRecord(leads, row)
    if (lead.status === 'converted' || lead.converted_at) throw new AppError('CONFLICT', [{ field: 'status', code: 'already_converted' }])
    const ownerId = (lead.owner_id as string | null) ?? ctx.actor.userId
    const accounts = ctx.catalog.get('accounts')
    const chosen = request.account
    const account = 'id' in chosen
      ? await existingAccount(tx, accounts, chosen.id)
      : (await underPrefix('account.create.', () => createRecords(tx, accounts, [{ ...accountFromLead(lead, ownerId), ...chosen.create }], { trx })))[0]
    const [contact] = await underPrefix('contact.create.', () =>
      createRecords(tx, ctx.catalog.get('contacts'), [{ ...contactFromLead(lead, ownerId, account.id), ...request.contact }], { trx }))
    const opportunityInput = request.opportunity
    const opportunity = opportunityInput
      ? (await underPrefix('opportunity.', () => createRecords(tx, ctx.catalog.get('opportunities'), [
        { ...opportunityFromLead(lead, ownerId, { accountId: account.id, contactId: contact.id }), ...opportunityInput },
      ], { trx })))[0]
      : null
    const moved = await moveActivities(tx, lead.id, { account_id: account.id, contact_id: contact.id, opportunity_id: opportunity?.id ?? null })
    const mark = { converted_at: nowOf(ctx).toISOString(), converted_account_id: account.id, converted_contact_id: contact.id, converted_opportunity_id: opportunity?.id ?? null }
    const [converted] = await updateRecords(conversionContext(tx, mark), leads, [{ id: lead.id, input: {} }], { trx })
    await appendEvents(trx, conversionEvents(ctx, lead, { accounts: account, contacts: contact, opportunities: opportunity }))
    return { lead: converted, account, account_created: !('id' in chosen), contact, opportunity, activities_moved: moved }
  })
}

/** On the lead: what it became; on each record it went into: which lead it came from. */
function conversionEvents(ctx: RecordContext, lead: ApiRecord, targets: Record<string, ApiRecord | null>): RecordEventInput[] {
  const { workspaceId, userId } = ctx.actor
  const made = Object.entries(targets).filter((entry): entry is [string, ApiRecord] => entry[1] !== null)
  const title = (record: ApiRecord | null) => (record ? String(record.name ?? '') : null)
  return [
    {
      workspaceId, object: 'leads', recordId: lead.id, type: 'converted', actorId: userId,
      changes: {
        status: { before: lead.status, after: 'converted' },
        account: { before: null, after: title(targets.accounts) },
        contact: { before: null, after: title(targets.contacts) },
        opportunity: { before: null, after: title(targets.opportunities) },
      },
    },
    ...made.map(([object, record]) => ({
      workspaceId, object, recordId: record.id, type: 'converted_from_lead', actorId: userId,
      changes: { lead: { before: null, after: String(lead.name ?? '') }, lead_id: { before: null, after: lead.id } },
    })),
  ]
}
