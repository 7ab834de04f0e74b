/** Leads, opportunities and activities of the demo dataset. */
import { OPPORTUNITY_STAGES } from '../metadata/objects/shared-options.ts'
import type { DemoClock } from './clock.ts'
import { makeCompany, type Company } from './companies.ts'
import type { DemoRecord } from './demo-dataset.ts'
import { chinaMobile, mailboxName, makePerson, pickChineseTitle, pickEnglishTitle, pickSource, type Person } from './people.ts'
import {
  ACTIVITY_DETAILS, ACTIVITY_SUBJECTS, ENGLISH_ACTIVITY_SUBJECTS, ENGLISH_LOST_REASONS, ENGLISH_NEXT_STEPS, ENGLISH_PROJECTS,
  LEAD_SUBJECTS, LOST_REASONS, NEXT_STEPS, OPPORTUNITY_NOTES, PROJECTS,
} from './pools-business.ts'
import type { Region } from './pools-places.ts'
import { weighted, type Random } from './random.ts'
import { uniqueEmail } from './staff.ts'

export interface AccountInfo { key: string; owner?: string; company: Company; contacts: ContactInfo[] }
export interface ContactInfo { key: string; owner?: string; person: Person; account?: AccountInfo }
interface LeadInfo { key: string; owner?: string; person: Person; company: Company }
interface OpportunityInfo { key: string; owner?: string; account: AccountInfo; contact?: ContactInfo }
type OwnerPicker = (rng: Random, region?: Region) => string | undefined

const pickLeadStatus = weighted([['new', 30], ['contacted', 25], ['qualified', 20], ['unqualified', 15], ['converted', 10]] as const)
const pickStage = weighted([
  ['initial_contact', 20], ['needs_analysis', 20], ['proposal', 18], ['negotiation', 12], ['won', 18], ['lost', 12],
] as const)
const pickActivityType = weighted([['call', 30], ['meeting', 20], ['email', 20], ['task', 20], ['note', 10]] as const)
const PROBABILITY = new Map(OPPORTUNITY_STAGES.map((stage) => [stage.value, stage.probability ?? 0]))
/** How far ahead an open opportunity is expected to close, by stage (days). */
const CLOSE_WINDOW: Record<string, [number, number]> = {
  initial_contact: [30, 180], needs_analysis: [20, 150], proposal: [10, 90], negotiation: [3, 60],
}
/** The lost reasons' wording → the opportunity's lost_reason option; won deals get a reason in turn. */
const LOST_REASON_VALUE: Record<string, string> = {
  价格偏高: 'price', 选择了竞争对手: 'competitor', 预算取消: 'no_budget', 需求变更: 'requirements', 决策延期: 'no_decision', 功能不满足定制需求: 'requirements',
  'Price too high': 'price', 'Chose a competitor': 'competitor', 'Budget cut': 'no_budget', 'Project postponed': 'no_decision',
}
const WON_REASON_VALUES = ['product_fit', 'relationship', 'price', 'service', 'brand']
const CONTEXT_WEIGHTS = [['opportunity', 45], ['contact', 30], ['account', 10], ['lead', 15]] as const
const LEAD_NOTES = ['官网下载了产品白皮书', '展会上交换名片', '老客户转介绍', '参加了线上直播', '主动咨询报价', '预算在审批中']

const withOwner = (record: DemoRecord, owner: string | undefined): DemoRecord => (owner ? { ...record, owner } : record)

export function makeLeads(rng: Random, count: number, pickOwner: OwnerPicker, companyNames: Set<string>, emails: Set<string>) {
  const records: DemoRecord[] = []
  const infos: LeadInfo[] = []
  for (let index = 0; index < count; index++) {
    const company = makeCompany(rng, rng.chance(0.85), companyNames)
    const person = makePerson(rng, rng.chance(company.chinese ? 0.95 : 0.2))
    const values: Record<string, unknown> = { name: person.name, company: company.name }
    values.job_title = person.chinese ? pickChineseTitle(rng) : pickEnglishTitle(rng)
    if (rng.chance(0.8)) values.email = uniqueEmail(emails, mailboxName(rng, person), rng.chance(0.75) ? company.domain : rng.pick(['163.com', 'qq.com', 'gmail.com']))
    values.phone = company.foreign ? rng.fill(company.foreign.mobile) : chinaMobile(rng)
    values.status = pickLeadStatus(rng)
    values.source = pickSource(rng)
    values.industry = company.industry
    if (company.china) values.province = company.china.province
    values.city = company.city
    if (rng.chance(0.7)) values.rating = rng.int(1, 5)
    if (person.chinese && rng.chance(0.3)) values.description = rng.pick(LEAD_NOTES)
    const key = `lead-${index + 1}`
    const owner = pickOwner(rng, company.region)
    records.push(withOwner({ key, values }, owner))
    infos.push({ key, owner, person, company })
  }
  return { records, infos }
}

export function makeOpportunities(rng: Random, count: number, accounts: AccountInfo[], clock: DemoClock) {
  const records: DemoRecord[] = []
  const infos: OpportunityInfo[] = []
  for (let index = 0; index < count && accounts.length > 0; index++) {
    const account = rng.pick(accounts)
    const contact = account.contacts.length > 0 ? rng.pick(account.contacts) : undefined
    const { company } = account
    const chinese = company.chinese
    const stage = pickStage(rng)
    const project = chinese ? rng.pick(PROJECTS) : rng.pick(ENGLISH_PROJECTS)
    const values: Record<string, unknown> = {
      name: chinese ? `${company.short}${/^[A-Za-z0-9]/.test(project) ? ' ' : ''}${project}` : `${company.short} – ${project}`,
      amount: company.foreign
        ? { amount: `${rng.amount(7_000, 280_000, 100)}.00`, currency: 'USD' }
        : { amount: `${rng.amount(50_000, 2_000_000, 1_000)}.00`, currency: 'CNY' },
      stage,
      probability: PROBABILITY.get(stage),
    }
    const open = stage !== 'won' && stage !== 'lost'
    const [soonest, latest] = CLOSE_WINDOW[stage] ?? [0, 0]
    values.expected_close_date = clock.date(!open ? -rng.int(1, 180) : rng.chance(0.15) ? -rng.int(1, 30) : rng.int(soonest, latest))
    values.source = pickSource(rng)
    if (open && rng.chance(0.8)) values.next_step = chinese ? rng.pick(NEXT_STEPS) : rng.pick(ENGLISH_NEXT_STEPS)
    if (stage === 'lost') values.lost_reason = LOST_REASON_VALUE[chinese ? rng.pick(LOST_REASONS) : rng.pick(ENGLISH_LOST_REASONS)]
    if (stage === 'won') values.won_reason = WON_REASON_VALUES[index % WON_REASON_VALUES.length]
    if (chinese && rng.chance(0.3)) values.description = rng.pick(OPPORTUNITY_NOTES)
    const key = `opportunity-${index + 1}`
    const links: Record<string, string> = { account_id: account.key }
    if (contact) links.contact_id = contact.key
    records.push(withOwner({ key, links, values }, account.owner))
    infos.push({ key, owner: account.owner, account, contact })
  }
  return { records, infos }
}

interface ActivitySources { accounts: AccountInfo[]; contacts: ContactInfo[]; leads: LeadInfo[]; opportunities: OpportunityInfo[] }

/** Subject in the customer's language; `{sur}` templates only when there is a Chinese person to address. */
function subject(rng: Random, type: string, chinese: boolean, person?: Person): string {
  if (!chinese) return rng.pick(ENGLISH_ACTIVITY_SUBJECTS[type])
  const pool = ACTIVITY_SUBJECTS[type]
  const template = rng.pick(pool)
  if (!template.includes('{sur}')) return template
  return person?.chinese ? template.replace('{sur}', person.surname) : pool[0]
}

export function makeActivities(rng: Random, count: number, sources: ActivitySources, clock: DemoClock): DemoRecord[] {
  const available = { opportunity: sources.opportunities.length, contact: sources.contacts.length, account: sources.accounts.length, lead: sources.leads.length }
  const contexts = CONTEXT_WEIGHTS.filter(([context]) => available[context] > 0)
  const pickContext = weighted(contexts)
  const records: DemoRecord[] = []
  for (let index = 0; index < count && contexts.length > 0; index++) {
    const type = pickActivityType(rng)
    const context = pickContext(rng)
    const links: Record<string, string> = {}
    let owner: string | undefined
    let person: Person | undefined
    let chinese: boolean
    let title: string
    if (context === 'lead') {
      const lead = rng.pick(sources.leads)
      links.lead_id = lead.key
      ;({ owner, person } = lead)
      chinese = lead.company.chinese
      title = chinese && rng.chance(0.6) ? rng.pick(LEAD_SUBJECTS[type]) : subject(rng, type, chinese, person)
    } else {
      const opportunity = context === 'opportunity' ? rng.pick(sources.opportunities) : undefined
      const contact = opportunity ? opportunity.contact : context === 'contact' ? rng.pick(sources.contacts) : undefined
      const account = opportunity?.account ?? (contact ? contact.account : rng.pick(sources.accounts))
      if (opportunity) links.opportunity_id = opportunity.key
      if (account) links.account_id = account.key
      if (contact) links.contact_id = contact.key
      owner = opportunity?.owner ?? contact?.owner ?? account?.owner
      person = contact?.person
      chinese = account ? account.company.chinese : (person?.chinese ?? true)
      title = subject(rng, type, chinese, person)
    }
    const values: Record<string, unknown> = { type, subject: title }
    if (type !== 'note') {
      const days = type === 'task' ? rng.int(-60, 30) : rng.chance(0.75) ? -rng.int(1, 120) : rng.int(0, 30)
      values.due_at = clock.dateTime(days, rng.int(9, 17), rng.pick([0, 15, 30, 45]))
      values.done = days < 0 ? type === 'email' || rng.chance(type === 'task' ? 0.7 : 0.9) : type === 'task' && rng.chance(0.1)
    }
    if (chinese && (type === 'note' || rng.chance(0.4))) values.description = rng.pick(ACTIVITY_DETAILS)
    records.push(withOwner({ key: `activity-${index + 1}`, links, values }, owner))
  }
  return records
}
