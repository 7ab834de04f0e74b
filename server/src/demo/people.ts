/** Demo people: names, mailboxes, phone numbers, and the contact values built from them. */
import type { Company } from './companies.ts'
import { PERSON_NOTES } from './pools-business.ts'
import {
  CHINESE_TITLES, ENGLISH_FEMALE, ENGLISH_MALE, ENGLISH_SURNAMES, ENGLISH_TITLES, FEMALE_GIVEN, MALE_GIVEN,
  MOBILE_PREFIXES, PUBLIC_MAIL_DOMAINS, SURNAMES,
} from './pools-people.ts'
import { CHINA_CITY_WEIGHTS, type ChinaCity } from './pools-places.ts'
import { Random, weighted } from './random.ts'

export interface Person {
  name: string
  chinese: boolean
  gender: 'male' | 'female'
  /** Surname as written: 张, 欧阳, Smith. */
  surname: string
  /** Lower-case ASCII family and given names for mailboxes: zhang / wei, smith / emily. */
  family: string
  given: string
}

const pickSurname = weighted(SURNAMES.map(([surname, pinyin, weight]) => [[surname, pinyin] as const, weight] as const))
export const pickChineseTitle = weighted(CHINESE_TITLES)
export const pickEnglishTitle = weighted(ENGLISH_TITLES)
const pickPublicDomain = weighted(PUBLIC_MAIL_DOMAINS)
export const pickChinaCity = weighted(CHINA_CITY_WEIGHTS)
export const pickLifecycle = weighted([['prospect', 5], ['customer', 4], ['partner', 1], ['churned', 1]] as const)
export const pickSource = weighted([
  ['web_form', 5], ['referral', 4], ['campaign', 3], ['trade_show', 3], ['cold_call', 3], ['partner', 2],
  ['import', 1], ['api', 1], ['other', 1],
] as const)

const capitalize = (text: string) => text[0].toUpperCase() + text.slice(1)
const PAD2 = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'))

export function makePerson(rng: Random, chinese: boolean): Person {
  const gender = rng.chance(0.5) ? 'male' : 'female'
  if (chinese) {
    const [surname, family] = pickSurname(rng)
    const [given, pinyin] = rng.pick(gender === 'male' ? MALE_GIVEN : FEMALE_GIVEN)
    return { name: surname + given, chinese, gender, surname, family, given: pinyin }
  }
  const first = rng.pick(gender === 'male' ? ENGLISH_MALE : ENGLISH_FEMALE)
  // A quarter of English-named people carry a Chinese surname: Kevin Zhang, Grace Lin.
  const last = rng.chance(0.25) ? capitalize(pickSurname(rng)[1]) : rng.pick(ENGLISH_SURNAMES)
  return { name: `${first} ${last}`, chinese, gender, surname: last, family: last.toLowerCase(), given: first.toLowerCase() }
}

/** The part before @: zhangwei, zhang.wei, wei.zhang, zhangw; emily.smith, esmith. */
export function mailboxName(rng: Random, person: Person): string {
  const { family, given } = person
  const style = rng.next()
  if (person.chinese) {
    if (style < 0.35) return family + given
    if (style < 0.6) return `${family}.${given}`
    if (style < 0.85) return `${given}.${family}`
    return family + given[0]
  }
  if (style < 0.6) return `${given}.${family}`
  if (style < 0.85) return given[0] + family
  return given
}

/** Mainland mobile: 13812345678, sometimes spaced or with +86, always a real network prefix. */
export function chinaMobile(rng: Random): string {
  const prefix = rng.pick(MOBILE_PREFIXES)
  const rest = rng.digits(8)
  const style = rng.next()
  if (style < 0.8) return prefix + rest
  const spaced = `${prefix} ${rest.slice(0, 4)} ${rest.slice(4)}`
  return style < 0.92 ? spaced : `+86 ${spaced}`
}

/** Landline of a city: 021-62345678, 0755-28765432. */
export function chinaLandline(rng: Random, city: ChinaCity): string {
  return `${city.areaCode}-${rng.pick([...city.landlineStarts])}${rng.digits(7)}`
}

function wechatId(rng: Random, person: Person, phone: string): string {
  const style = rng.next()
  if (style < 0.4) return `${person.family}${person.given}${PAD2[rng.int(0, 31)]}`
  if (style < 0.7 && /^\d{11}$/.test(phone)) return phone
  if (style < 0.85) return `${person.given}_${person.family}`
  return `wxid_${rng.next().toString(36).slice(2, 12)}`
}

/**
 * API-shaped values of one contact (no links). With a company the mailbox, city and lifecycle follow it;
 * `emailTag` is appended to the mailbox name to keep addresses unique in large streams.
 */
export function contactValues(rng: Random, person: Person, company?: Company, emailTag = ''): Record<string, unknown> {
  const values: Record<string, unknown> = { name: person.name }
  values.job_title = person.chinese || company?.chinese ? pickChineseTitle(rng) : pickEnglishTitle(rng)
  if (rng.chance(0.92)) {
    const domain = company && rng.chance(0.85) ? company.domain : pickPublicDomain(rng)
    const local = domain === 'qq.com' && person.chinese && !emailTag ? `${rng.int(1, 9)}${rng.digits(rng.int(7, 9))}` : mailboxName(rng, person)
    values.email = `${local}${emailTag}@${domain}`
  }
  const phone = company?.foreign ? rng.fill(company.foreign.mobile) : chinaMobile(rng)
  values.phone = phone
  if (person.chinese && rng.chance(0.6)) values.wechat = wechatId(rng, person, phone)
  values.gender = person.gender
  if (rng.chance(0.35)) values.birthday = `${rng.int(1965, 2000)}-${PAD2[rng.int(1, 12)]}-${PAD2[rng.int(1, 28)]}`
  values.city = company?.city ?? pickChinaCity(rng).name
  values.lifecycle_stage = company?.lifecycle ?? pickLifecycle(rng)
  values.source = pickSource(rng)
  if (person.chinese && rng.chance(0.2)) values.description = rng.pick(PERSON_NOTES)
  return values
}

/** Streaming generator for benchmarks: yields `count` contact value objects (no links), ~80% Chinese. */
export function* generateContactValues(count: number, seed = 1): Generator<Record<string, unknown>> {
  const rng = new Random(seed ^ 0x3c6ef372)
  for (let i = 0; i < count; i++) {
    yield contactValues(rng, makePerson(rng, rng.chance(0.8)), undefined, String(i + 1))
  }
}
