import { can } from '../access/record-access.ts'
import { findDuplicates, type DuplicateMatch } from '../duplicates/duplicate-check.ts'
import { getRecord } from '../records/get-record.ts'
import type { RecordContext } from '../records/record-context.ts'
import { accountFromLead, contactFromLead, opportunityFromLead } from './conversion-values.ts'

/**
 * What converting the lead would create, and the accounts and contacts that already look like it
 * (the duplicate rules of server/src/duplicates/), so the person converting can link instead.
 */
export async function conversionPreview(ctx: RecordContext, id: string) {
  const lead = await getRecord(ctx, ctx.catalog.get('leads'), id)
  const ownerId = (lead.owner_id as string | null) ?? ctx.actor.userId
  const account = accountFromLead(lead, ownerId)
  const duplicatesIn = async (object: string, values: Record<string, unknown>): Promise<DuplicateMatch[]> => {
    const schema = ctx.catalog.get(object)
    return can(ctx.actor, schema, 'read') ? findDuplicates(ctx, schema, values) : []
  }
  return {
    lead,
    converted: lead.status === 'converted',
    account: { values: account, duplicates: await duplicatesIn('accounts', { name: account.name, email: lead.email, phone: lead.phone }) },
    contact: { values: contactFromLead(lead, ownerId), duplicates: await duplicatesIn('contacts', { name: lead.name, email: lead.email, phone: lead.phone }) },
    opportunity: { values: opportunityFromLead(lead, ownerId) },
  }
}
