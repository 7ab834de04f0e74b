/**
 * Realistic, bilingual demo data for a new workspace: a Chinese sales organisation with mostly Chinese customers
 * and some international ones. Pure and deterministic — the same seed (and day) gives the same dataset — so the
 * seeder, tests and screenshots agree. Values are API-shaped (what each field type's `parse` accepts, canonical
 * already); links name other demo records by key and are turned into ids by the seeder.
 */
import { DemoClock } from './clock.ts'
import { accountValues, makeCompany } from './companies.ts'
import { contactValues, makePerson } from './people.ts'
import { productValues } from './products.ts'
import { Random } from './random.ts'
import { makeActivities, makeLeads, makeOpportunities, type AccountInfo, type ContactInfo } from './sales.ts'
import { makeTeams, makeUsers, ownerPicker, uniqueEmail } from './staff.ts'

export { generateContactValues } from './people.ts'

export interface DemoRecord {
  key: string
  owner?: string
  links?: Record<string, string>
  values: Record<string, unknown>
}

export interface DemoDataset {
  /** values: name, description; no links. */
  teams: DemoRecord[]
  /** links: team_id, manager_id (reps → their team's manager). */
  users: DemoRecord[]
  accounts: DemoRecord[]
  /** links: account_id. */
  contacts: DemoRecord[]
  leads: DemoRecord[]
  /** links: account_id, contact_id (a contact of that account). */
  opportunities: DemoRecord[]
  /** links: account_id, contact_id, opportunity_id, or lead_id. */
  activities: DemoRecord[]
  products: DemoRecord[]
}

export interface DemoDatasetOptions {
  seed?: number
  counts?: Partial<Record<keyof DemoDataset, number>>
  /** The day dates are relative to (YYYY-MM-DD); defaults to the current UTC date. */
  today?: string
}

export const DEFAULT_DEMO_SEED = 20240501

export const DEFAULT_DEMO_COUNTS: Readonly<Record<keyof DemoDataset, number>> = {
  teams: 3, users: 8, accounts: 200, contacts: 500, leads: 150, opportunities: 300, activities: 1000, products: 20,
}

/** Share of customer companies with a Chinese name; the rest are international (≈80% Chinese people overall). */
const CHINESE_COMPANY_SHARE = 0.8

/** An independent stream per object, so asking for more contacts leaves the accounts as they were. */
const streamFor = (seed: number, salt: number) => new Random((Math.trunc(seed) ^ Math.imul(salt, 0x9e3779b9)) >>> 0)

export function generateDemoDataset(options: DemoDatasetOptions = {}): DemoDataset {
  const seed = options.seed ?? DEFAULT_DEMO_SEED
  const counts = { ...DEFAULT_DEMO_COUNTS, ...options.counts }
  const clock = new DemoClock(options.today)
  const emails = new Set<string>()
  const companyNames = new Set<string>()

  const teams = makeTeams(counts.teams)
  const { records: users, staff } = makeUsers(streamFor(seed, 1), counts.users, counts.teams, emails)
  const pickOwner = ownerPicker(staff)

  const accountRng = streamFor(seed, 2)
  const accountInfos: AccountInfo[] = []
  const accounts: DemoRecord[] = []
  for (let index = 0; index < counts.accounts; index++) {
    const company = makeCompany(accountRng, accountRng.chance(CHINESE_COMPANY_SHARE), companyNames)
    const key = `account-${index + 1}`
    const owner = pickOwner(accountRng, company.region)
    accounts.push({ key, ...(owner && { owner }), values: accountValues(accountRng, company) })
    accountInfos.push({ key, owner, company, contacts: [] })
  }

  // Every account gets a contact first; the rest go to random accounts.
  const contactRng = streamFor(seed, 3)
  const contactInfos: ContactInfo[] = []
  const contacts: DemoRecord[] = []
  for (let index = 0; index < counts.contacts; index++) {
    const account = accountInfos.length === 0 ? undefined
      : index < accountInfos.length ? accountInfos[index] : contactRng.pick(accountInfos)
    const chinese = account ? account.company.chinese : true
    const person = makePerson(contactRng, contactRng.chance(chinese ? 0.95 : 0.25))
    const values = contactValues(contactRng, person, account?.company)
    if (typeof values.email === 'string') {
      const at = values.email.lastIndexOf('@')
      values.email = uniqueEmail(emails, values.email.slice(0, at), values.email.slice(at + 1))
    }
    const key = `contact-${index + 1}`
    const owner = account ? account.owner : pickOwner(contactRng)
    contacts.push({ key, ...(owner && { owner }), links: account ? { account_id: account.key } : {}, values })
    const info: ContactInfo = { key, owner, person, account }
    contactInfos.push(info)
    account?.contacts.push(info)
  }

  const leads = makeLeads(streamFor(seed, 4), counts.leads, pickOwner, companyNames, emails)
  const opportunities = makeOpportunities(streamFor(seed, 5), counts.opportunities, accountInfos, clock)
  const activities = makeActivities(streamFor(seed, 6), counts.activities, {
    accounts: accountInfos, contacts: contactInfos, leads: leads.infos, opportunities: opportunities.infos,
  }, clock)
  const products = productValues(counts.products).map((values, index) => ({ key: `product-${index + 1}`, values }))

  return {
    teams, users, accounts, contacts, leads: leads.records, opportunities: opportunities.records, activities, products,
  }
}
