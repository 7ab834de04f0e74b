import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import { fieldTypes } from '../metadata/field-types/index.ts'
import type { ObjectDefinition } from '../metadata/object-definition.ts'
import { standardObjects } from '../metadata/objects/index.ts'
import { OPPORTUNITY_STAGES } from '../metadata/objects/shared-options.ts'
import { DEFAULT_DEMO_COUNTS, generateContactValues, generateDemoDataset, type DemoDataset, type DemoRecord } from './demo-dataset.ts'

const TODAY = '2025-06-01'
const objects = new Map(standardObjects.map((object) => [object.name, object]))
const dataset = generateDemoDataset({ today: TODAY })
const CHINESE_NAME = /^[\u4e00-\u9fff]{2,4}$/
const ENGLISH_NAME = /^[A-Z][a-z]+ [A-Z][a-z]+$/

/** Everything wrong with one record's values: unknown, read-only or link fields, refused or non-canonical values. */
function valueProblems(object: ObjectDefinition, values: Record<string, unknown>): string[] {
  const problems: string[] = []
  for (const [name, value] of Object.entries(values)) {
    const field = object.fields.find((candidate) => candidate.name === name)
    if (!field) problems.push(`${object.name}.${name}: not a declared field`)
    else if (field.readOnly) problems.push(`${object.name}.${name}: read-only`)
    else if (field.type === 'relation' || field.type === 'user') problems.push(`${object.name}.${name}: belongs in links`)
    else {
      const parsed = fieldTypes[field.type].parse(value, field)
      if (!parsed.ok) problems.push(`${object.name}.${name}=${JSON.stringify(value)}: ${parsed.issue.code}`)
      else if (!isDeepStrictEqual(parsed.value, value)) problems.push(`${object.name}.${name}=${JSON.stringify(value)}: not canonical`)
    }
  }
  for (const field of object.fields) {
    if (field.required && !(field.name in values)) problems.push(`${object.name}.${field.name}: required but missing`)
  }
  return problems
}

/** Links and owners point at existing records of the right object. */
function linkProblems(data: DemoDataset): string[] {
  const keys = new Map(Object.entries(data).map(([name, records]) => [name, new Set(records.map((record: DemoRecord) => record.key))]))
  const problems: string[] = []
  for (const [name, records] of Object.entries(data) as [keyof DemoDataset, DemoRecord[]][]) {
    const object = objects.get(name)!
    for (const record of records) {
      for (const [fieldName, key] of Object.entries(record.links ?? {})) {
        const field = object.fields.find((candidate) => candidate.name === fieldName)
        const target = field?.type === 'user' ? 'users' : field?.type === 'relation' ? field.target : undefined
        if (!target) problems.push(`${record.key}.${fieldName}: not a link field of ${name}`)
        else if (!keys.get(target)?.has(key)) problems.push(`${record.key}.${fieldName} → ${key}: no such ${target} key`)
      }
      if (record.owner !== undefined && (!object.owned || !keys.get('users')!.has(record.owner))) {
        problems.push(`${record.key}: bad owner ${record.owner}`)
      }
      if (object.owned && data.users.length > 0 && record.owner === undefined) problems.push(`${record.key}: no owner`)
    }
  }
  return problems
}

const people = () => [...dataset.contacts, ...dataset.leads, ...dataset.users].map((record) => String(record.values.name))

describe('generateDemoDataset', () => {
  it('makes at least the product’s default counts, with one admin, managers and reps', () => {
    for (const [name, minimum] of Object.entries(DEFAULT_DEMO_COUNTS)) {
      expect(dataset[name as keyof DemoDataset].length, name).toBeGreaterThanOrEqual(minimum)
    }
    const roles = dataset.users.map((user) => user.values.role)
    expect(roles.filter((role) => role === 'admin')).toHaveLength(1)
    expect(roles.filter((role) => role === 'manager')).toHaveLength(2)
    expect(roles.filter((role) => role === 'rep')).toHaveLength(5)
    expect(dataset.teams.map((team) => team.values.name)).toEqual(['华东销售部', '华北销售部', 'Global Accounts'])
  })

  it('is deterministic: the same seed gives the same dataset, another seed another one', () => {
    expect(generateDemoDataset({ today: TODAY })).toEqual(dataset)
    expect(generateDemoDataset({ seed: 42, today: TODAY })).toEqual(generateDemoDataset({ seed: 42, today: TODAY }))
    expect(generateDemoDataset({ seed: 42, today: TODAY }).accounts).not.toEqual(dataset.accounts)
  })

  it('keeps each object’s records stable when other counts change', () => {
    const more = generateDemoDataset({ today: TODAY, counts: { contacts: 800, activities: 10 } })
    expect(more.accounts).toEqual(dataset.accounts)
    expect(more.leads).toEqual(dataset.leads)
  })

  it('gives only declared, writable fields, each value accepted by its field type as is', () => {
    const problems = Object.entries(dataset).flatMap(([name, records]) =>
      (records as DemoRecord[]).flatMap((record) => valueProblems(objects.get(name)!, record.values)))
    expect(problems.slice(0, 20)).toEqual([])
  })

  it('links only to existing records of the right object, and owns every owned record', () => {
    expect(linkProblems(dataset)).toEqual([])
    const keys = Object.values(dataset).flatMap((records: DemoRecord[]) => records.map((record) => record.key))
    expect(new Set(keys).size).toBe(keys.length)
    // Opportunities name a contact of their own account.
    const accountOf = new Map(dataset.contacts.map((contact) => [contact.key, contact.links?.account_id]))
    for (const opportunity of dataset.opportunities) {
      if (opportunity.links?.contact_id) expect(accountOf.get(opportunity.links.contact_id)).toBe(opportunity.links.account_id)
    }
    // Reps report to a manager.
    const roleOf = new Map(dataset.users.map((user) => [user.key, user.values.role]))
    for (const user of dataset.users.filter((candidate) => candidate.values.role === 'rep')) {
      expect(roleOf.get(user.links!.manager_id!)).toBe('manager')
    }
  })

  it('stays valid with unusual counts', () => {
    for (const counts of [
      { teams: 0, users: 1, accounts: 0, contacts: 5, leads: 0, opportunities: 5, activities: 30, products: 0 },
      { teams: 9, users: 40, accounts: 10, contacts: 3, leads: 2, opportunities: 20, activities: 200, products: 45 },
      { teams: 1, users: 0, accounts: 3, contacts: 0, leads: 1, opportunities: 2, activities: 20, products: 1 },
    ]) {
      const data = generateDemoDataset({ seed: 7, today: TODAY, counts })
      expect(linkProblems(data)).toEqual([])
      const problems = Object.entries(data).flatMap(([name, records]) =>
        (records as DemoRecord[]).flatMap((record) => valueProblems(objects.get(name)!, record.values)))
      expect(problems.slice(0, 10)).toEqual([])
      expect(data.products).toHaveLength(counts.products)
      expect(new Set(data.products.map((product) => product.values.sku)).size).toBe(counts.products)
    }
  })

  it('is mostly Chinese, with English names too', () => {
    const names = people()
    const chinese = names.filter((name) => CHINESE_NAME.test(name)).length
    const english = names.filter((name) => ENGLISH_NAME.test(name)).length
    expect(chinese + english).toBe(names.length)
    expect(chinese / names.length).toBeGreaterThan(0.72)
    expect(chinese / names.length).toBeLessThan(0.92)
    expect(dataset.users.filter((user) => user.values.locale === 'en').length).toBeGreaterThanOrEqual(2)
    const companies = dataset.accounts.map((account) => String(account.values.name))
    expect(companies.some((name) => /^[\u4e00-\u9fff]+(有限公司|有限责任公司)$/.test(name))).toBe(true)
    expect(companies.some((name) => /^[A-Z][a-z]+ [A-Z]/.test(name))).toBe(true)
    expect(new Set(companies).size).toBe(companies.length)
  })

  it('looks like a real pipeline', () => {
    const opportunities = dataset.opportunities.map((record) => record.values)
    expect(new Set(opportunities.map((values) => values.stage))).toEqual(new Set(OPPORTUNITY_STAGES.map((stage) => stage.value)))
    for (const values of opportunities) {
      expect(values.probability).toBe(OPPORTUNITY_STAGES.find((stage) => stage.value === values.stage)!.probability)
      const { amount, currency } = values.amount as { amount: string; currency: string }
      if (currency === 'CNY') expect(Number(amount)).toBeGreaterThanOrEqual(50_000)
      if (currency === 'CNY') expect(Number(amount)).toBeLessThanOrEqual(2_000_000)
      if (values.stage === 'won' || values.stage === 'lost') expect(String(values.expected_close_date) < TODAY).toBe(true)
    }
    const activities = dataset.activities.map((record) => record.values)
    expect(new Set(activities.map((values) => values.type))).toEqual(new Set(['call', 'meeting', 'email', 'task', 'note']))
    expect(activities.some((values) => String(values.due_at) < TODAY)).toBe(true)
    expect(activities.some((values) => String(values.due_at) > TODAY)).toBe(true)
    expect(activities.some((values) => values.done === true)).toBe(true)
    expect(activities.some((values) => values.done === false)).toBe(true)
    expect(activities.map((values) => values.subject)).toContain('发送报价单')
    for (const key of ['account_id', 'contact_id', 'lead_id', 'opportunity_id']) {
      expect(dataset.activities.some((record) => record.links?.[key])).toBe(true)
    }
    expect(new Set(dataset.leads.map((record) => record.values.status))).toEqual(new Set(['new', 'contacted', 'qualified', 'unqualified', 'converted']))
    const products = dataset.products.map((record) => record.values)
    expect(new Set(products.map((values) => values.category))).toEqual(new Set(['software', 'hardware', 'service', 'subscription']))
    expect(new Set(products.map((values) => values.unit))).toEqual(new Set(['套', '台', '年', '次']))
    expect(new Set(products.map((values) => (values.list_price as { currency: string }).currency))).toEqual(new Set(['CNY', 'USD']))
    const emails = [...dataset.users, ...dataset.contacts, ...dataset.leads].flatMap((record) => record.values.email ?? [])
    expect(new Set(emails).size).toBe(emails.length)
  })
})

describe('generateContactValues', () => {
  it('streams valid contact values quickly', () => {
    let count = 0
    for (const values of generateContactValues(20_000, 3)) count += values.name ? 1 : 0 // warm up
    count = 0
    const started = performance.now()
    for (const values of generateContactValues(100_000, 1)) count += values.name ? 1 : 0
    const elapsed = performance.now() - started
    console.log(`generateContactValues: 100,000 contacts in ${elapsed.toFixed(0)} ms (${Math.round(count / elapsed)}k/s)`)
    expect(count).toBe(100_000)
    expect(elapsed).toBeLessThan(1000)

    const contact = objects.get('contacts')!
    const all = [...generateContactValues(100_000, 1)]
    const problems = all.slice(0, 30_000).flatMap((values) => valueProblems(contact, values))
    expect(problems.slice(0, 20)).toEqual([])
    const emails = all.flatMap((values) => values.email ?? [])
    expect(new Set(emails).size).toBe(emails.length)
    const names = all.map((values) => String(values.name))
    const chinese = names.filter((name) => CHINESE_NAME.test(name)).length / names.length
    expect(chinese).toBeGreaterThan(0.75)
    expect(chinese).toBeLessThan(0.85)
    expect(names.some((name) => name.startsWith('单'))).toBe(true)
    expect(names.some((name) => name.startsWith('曾'))).toBe(true)
    expect([...generateContactValues(50, 9)]).toEqual([...generateContactValues(50, 9)])
  })
})
