import type { ApiRecord } from '../records/row-mapping.ts'

const filled = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)))

/** A new account from a lead: its company (else the person, a private customer), industry, place and tags. */
export function accountFromLead(lead: ApiRecord, ownerId: string): Record<string, unknown> {
  const address = filled({ province: lead.province, city: lead.city })
  return filled({
    name: lead.company || lead.name,
    industry: lead.industry,
    source: lead.source,
    city: lead.city,
    address: Object.keys(address).length > 0 ? address : null,
    tags: lead.tags,
    owner_id: ownerId,
  })
}

/** The lead's person as a contact of the account. */
export function contactFromLead(lead: ApiRecord, ownerId: string, accountId?: string): Record<string, unknown> {
  return filled({
    name: lead.name,
    account_id: accountId,
    job_title: lead.job_title,
    email: lead.email,
    phone: lead.phone,
    city: lead.city,
    source: lead.source,
    lifecycle_stage: 'prospect',
    description: lead.description,
    tags: lead.tags,
    owner_id: ownerId,
  })
}

/** A deal for the account, at the first stage unless told otherwise. */
export function opportunityFromLead(lead: ApiRecord, ownerId: string, links: { accountId?: string; contactId?: string } = {}): Record<string, unknown> {
  return filled({
    name: lead.company || lead.name,
    account_id: links.accountId,
    contact_id: links.contactId,
    stage: 'initial_contact',
    source: lead.source,
    tags: lead.tags,
    owner_id: ownerId,
  })
}
