import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { standardObjects } from '../metadata/objects/index.ts'
import { localMidnight, type FollowUpSettings } from './workspace-time.ts'

const DAY = 86_400_000

/** One reason to get in touch today: a message key with params, and how much it matters. */
export interface Candidate {
  user_id: string
  kind: string
  object: string
  record_id: string
  params: Record<string, string | number>
  score: number
}

interface RuleInput {
  workspaceId: string
  now: Date
  day: string
  settings: FollowUpSettings
  /** Only this user's suggestions (a manual refresh); all owners otherwise. */
  userId?: string
}

const hasObject = (name: string) => standardObjects.some((object) => object.name === name)
const ago = (now: Date, days: number) => new Date(now.getTime() - days * DAY)
const daysSince = (now: Date, at: unknown) => Math.floor((now.getTime() - new Date(at as string).getTime()) / DAY)
const owner = (column: string, userId?: string) => (userId ? sql`and ${sql.ref(column)} = ${userId}` : sql``)

/** A quote sent days ago with no answer and no activity with its contact or account since: call them. */
async function quotesWithoutReply(db: Db, input: RuleInput): Promise<Candidate[]> {
  if (!hasObject('quotes')) return []
  const rows = await sql<{ id: string; owner_id: string; name: string; sent_at: Date; who: string | null }>`
    select q.id, q.owner_id, q.name, q.sent_at, coalesce(c.name, a.name) as who from quotes q
    left join contacts c on c.workspace_id = q.workspace_id and c.id = q.contact_id
    left join accounts a on a.workspace_id = q.workspace_id and a.id = q.account_id
    where q.workspace_id = ${input.workspaceId} and q.deleted_at is null and q.status = 'sent' and q.owner_id is not null ${owner('q.owner_id', input.userId)}
      and q.sent_at <= ${ago(input.now, input.settings.quote_days)}
      and not exists (
        select 1 from activities x where x.workspace_id = q.workspace_id and x.deleted_at is null and x.created_at > q.sent_at
          and ((q.contact_id is not null and x.contact_id = q.contact_id) or (q.contact_id is null and x.account_id = q.account_id)))`.execute(db)
  return rows.rows.map((row) => {
    const days = daysSince(input.now, row.sent_at)
    return { user_id: row.owner_id, kind: 'quote_no_reply', object: 'quotes', record_id: row.id, params: { name: row.who ?? row.name, quote: row.name, days }, score: 100 + days }
  })
}

/** The last thing with a contact was an email of ours, days ago, and nothing since. */
async function emailsWithoutReply(db: Db, input: RuleInput): Promise<Candidate[]> {
  const rows = await sql<{ contact_id: string; owner_id: string | null; type: string; subject: string; created_at: Date; name: string }>`
    select * from (
      select distinct on (x.contact_id) x.contact_id, x.owner_id, x.type, x.subject, x.created_at, c.name from activities x
      join contacts c on c.workspace_id = x.workspace_id and c.id = x.contact_id and c.deleted_at is null
      where x.workspace_id = ${input.workspaceId} and x.deleted_at is null and x.contact_id is not null and x.created_at > ${ago(input.now, 30)}
      order by x.contact_id, x.created_at desc, x.id desc
    ) latest
    where type = 'email' and owner_id is not null and created_at <= ${ago(input.now, input.settings.email_days)} ${owner('owner_id', input.userId)}`.execute(db)
  return rows.rows.map((row) => {
    const days = daysSince(input.now, row.created_at)
    return { user_id: row.owner_id!, kind: 'email_no_reply', object: 'contacts', record_id: row.contact_id, params: { name: row.name, subject: row.subject, days }, score: 90 + days }
  })
}

/** Open activities due within the workspace's today. */
async function dueToday(db: Db, input: RuleInput): Promise<Candidate[]> {
  const start = localMidnight(input.day, input.settings.time_zone)
  const rows = await sql<{ id: string; owner_id: string; subject: string }>`
    select id, owner_id, subject from activities
    where workspace_id = ${input.workspaceId} and deleted_at is null and done is not true and owner_id is not null ${owner('owner_id', input.userId)}
      and due_at >= ${start} and due_at < ${new Date(start.getTime() + DAY)}`.execute(db)
  return rows.rows.map((row) => ({ user_id: row.owner_id, kind: 'task_due_today', object: 'activities', record_id: row.id, params: { subject: row.subject }, score: 80 }))
}

/** A lead that is still new and has no activity days after it was assigned. */
async function untouchedLeads(db: Db, input: RuleInput): Promise<Candidate[]> {
  const rows = await sql<{ id: string; owner_id: string; name: string; created_at: Date }>`
    select l.id, l.owner_id, l.name, l.created_at from leads l
    where l.workspace_id = ${input.workspaceId} and l.deleted_at is null and l.owner_id is not null ${owner('l.owner_id', input.userId)}
      and coalesce(l.status, 'new') = 'new' and l.created_at <= ${ago(input.now, input.settings.lead_days)}
      and not exists (select 1 from activities x where x.workspace_id = l.workspace_id and x.lead_id = l.id and x.deleted_at is null)`.execute(db)
  return rows.rows.map((row) => {
    const days = daysSince(input.now, row.created_at)
    return { user_id: row.owner_id, kind: 'lead_untouched', object: 'leads', record_id: row.id, params: { name: row.name, days }, score: 70 + Math.min(days, 9) }
  })
}

/** Open opportunities without activity for days (or since they were made), or without a next step. */
async function neglectedOpportunities(db: Db, input: RuleInput): Promise<Candidate[]> {
  const rows = await sql<{ id: string; owner_id: string; name: string; next_step: string | null; last_touch: Date }>`
    select o.id, o.owner_id, o.name, o.next_step,
      greatest(o.created_at, (select max(x.created_at) from activities x where x.workspace_id = o.workspace_id and x.opportunity_id = o.id and x.deleted_at is null)) as last_touch
    from opportunities o
    where o.workspace_id = ${input.workspaceId} and o.deleted_at is null and o.owner_id is not null ${owner('o.owner_id', input.userId)}
      and o.stage not in ('won', 'lost')`.execute(db)
  const candidates: Candidate[] = []
  for (const row of rows.rows) {
    const days = daysSince(input.now, row.last_touch)
    if (days >= input.settings.stale_days) {
      candidates.push({ user_id: row.owner_id, kind: 'opportunity_stale', object: 'opportunities', record_id: row.id, params: { name: row.name, days }, score: 60 + Math.min(days, 30) })
    } else if (!row.next_step?.trim()) {
      candidates.push({ user_id: row.owner_id, kind: 'opportunity_no_next_step', object: 'opportunities', record_id: row.id, params: { name: row.name }, score: 40 })
    }
  }
  return candidates
}

const RULES = [quotesWithoutReply, emailsWithoutReply, dueToday, untouchedLeads, neglectedOpportunities]

/** Every reason found today, from every rule. */
export async function findCandidates(db: Db, input: RuleInput): Promise<Candidate[]> {
  const all: Candidate[] = []
  for (const rule of RULES) all.push(...(await rule(db, input)))
  return all
}
