import { pinyin } from 'pinyin-pro'
import { phoneDigits } from '../metadata/field-types/text-types.ts'
import type { DuplicateRule, ObjectDefinition } from '../metadata/object-definition.ts'

/** The key column of a rule: one per rule kind, so an object has at most one rule of each kind. */
export const keyColumn = (rule: DuplicateRule) => `dup_${rule.kind}`

const HAN = /\p{Script=Han}/u
// Legal forms that say nothing about which company it is: 北京ABC科技有限公司 = ABC科技 (北京).
const ORGANISATION_SUFFIXES = /(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|co\s*\.?,?\s*ltd\.?|ltd\.?|limited|inc\.?|corp\.?|corporation|llc|gmbh)$/u

/** NFKC (全角 → 半角), lower case, without spaces and punctuation. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '')
}

/** A name as it sounds: Han characters read as toneless pinyin, so 张伟 = zhang wei = Zhang Wei. */
export function nameKey(text: string): string {
  const folded = foldText(text)
  if (!HAN.test(folded)) return folded
  return pinyin(folded, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive', mode: 'surname', surname: 'head' }).join('').replace(/\s+/g, '')
}

export function organisationKey(text: string): string {
  let folded = text.normalize('NFKC').toLowerCase().trim()
  for (let i = 0; i < 2; i++) folded = folded.replace(/[\s,.]+$/u, '').replace(ORGANISATION_SUFFIXES, '')
  return nameKey(folded)
}

/** E.164 form: mainland numbers with or without +86 / 0086 → +8613800138000; others keep their digits. */
export function phoneKey(text: string): string | null {
  // Keep the digits and a leading plus: "(+86) 138-0013-8000" → "+8613800138000".
  const trimmed = text.normalize('NFKC').replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '')
  const digits = phoneDigits(trimmed)
  if (digits.length < 5) return null
  const foreign = /^(\+|00)/.test(trimmed) && !/^(\+|00)86/.test(trimmed)
  if (foreign) return `+${digits.replace(/^00/, '')}`
  // Mainland landlines are written with a trunk 0 (0512-66889900); E.164 drops it.
  return `+86${digits.replace(/^0(?=[1-9])/, '')}`
}

export const emailKey = (text: string): string | null => {
  const key = text.normalize('NFKC').trim().toLowerCase()
  return key.includes('@') ? key : null
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '')

/** The key of one rule for a record's values, or null when the record has nothing to compare. */
export function ruleKey(rule: DuplicateRule, values: Record<string, unknown>): string | null {
  const text = textOf(values[rule.field])
  if (!text.trim()) return null
  if (rule.kind === 'email') return emailKey(text)
  if (rule.kind === 'phone') return phoneKey(text)
  const name = rule.organisation ? organisationKey(text) : nameKey(text)
  if (!name) return null
  if (!rule.company) return name
  const company = values[rule.company]
  // A relation compares by id; a text company like an organisation name.
  const companyKey = typeof company === 'string' && company.trim() ? (/^[0-9a-f-]{36}$/.test(company) ? company : organisationKey(company)) : ''
  return `${name}|${companyKey}`
}

/** Every key column of an object for these values. */
export function duplicateKeys(object: Pick<ObjectDefinition, 'duplicateRules'>, values: Record<string, unknown>): Record<string, string | null> {
  return Object.fromEntries((object.duplicateRules ?? []).map((rule) => [keyColumn(rule), ruleKey(rule, values)]))
}

/** Fields whose change changes a key. */
export function keyFields(object: Pick<ObjectDefinition, 'duplicateRules'>): string[] {
  return (object.duplicateRules ?? []).flatMap((rule) => (rule.kind === 'name' && rule.company ? [rule.field, rule.company] : [rule.field]))
}
