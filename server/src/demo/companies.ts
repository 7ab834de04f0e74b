/** Demo companies (accounts and lead companies): names, domains, places and account values. */
import { chinaLandline, pickChinaCity, pickLifecycle, pickSource } from './people.ts'
import {
  ACCOUNT_NOTES, CHINESE_BRANDS, CHINESE_INDUSTRY_WORDS, CHINESE_SUFFIXES, ENGLISH_ACCOUNT_NOTES, ENGLISH_BRANDS,
  ENGLISH_INDUSTRY_WORDS, GOVERNMENT_DEPARTMENTS, INDUSTRY_LABELS,
} from './pools-business.ts'
import { BUILDINGS, FOREIGN_CITIES, STREETS, type ChinaCity, type ForeignCity, type Region } from './pools-places.ts'
import { weighted, type Random } from './random.ts'

export interface Company {
  name: string
  /** Short form used in opportunity names: 星辰科技, Acme Industrial. */
  short: string
  /** Chinese name (its people are mostly Chinese too). */
  chinese: boolean
  industry: string
  domain: string
  /** City as shown in the `city` field: 上海, Singapore. */
  city: string
  region: Region
  china?: ChinaCity
  foreign?: ForeignCity
  lifecycle: string
  government?: boolean
}

const pickIndustryWord = weighted(CHINESE_INDUSTRY_WORDS.map((entry) => [entry, entry[3]] as const))
const pickSuffix = weighted(CHINESE_SUFFIXES)
const pickTld = weighted([['.com', 6], ['.com.cn', 3], ['.cn', 1]] as const)
const pickSize = weighted([['1_49', 30], ['50_199', 35], ['200_999', 25], ['1000_plus', 10]] as const)
const EMPLOYEES: Record<string, [number, number]> = { '1_49': [8, 49], '50_199': [50, 199], '200_999': [200, 999], '1000_plus': [1000, 20000] }
const BUILDING_NAMES = ['金融', '科创', '国际', '时代', '环球', '世纪', '中央', '财富']
const capitalize = (text: string) => text[0].toUpperCase() + text.slice(1)

function chineseCompany(rng: Random): Company {
  const place = pickChinaCity(rng)
  if (rng.chance(0.03)) {
    const [department, subdomain] = rng.pick(GOVERNMENT_DEPARTMENTS)
    return {
      name: `${place.name}市${department}`, short: `${place.name}${department.slice(0, 2)}`, chinese: true, industry: 'government',
      domain: `${subdomain}.${place.latin}.gov.cn`, city: place.name, region: place.region, china: place, lifecycle: pickLifecycle(rng), government: true,
    }
  }
  const [brand, brandLatin] = rng.pick(CHINESE_BRANDS)
  const [word, hint, industry] = pickIndustryWord(rng)
  return {
    name: `${place.name}${brand}${word}${pickSuffix(rng)}`, short: brand + word, chinese: true, industry,
    domain: `${brandLatin}${rng.chance(0.5) ? '-' : ''}${hint}${pickTld(rng)}`,
    city: place.name, region: place.region, china: place, lifecycle: pickLifecycle(rng),
  }
}

function englishCompany(rng: Random): Company {
  const brand = rng.pick(ENGLISH_BRANDS)
  const [word, industry] = rng.pick(ENGLISH_INDUSTRY_WORDS)
  const short = `${brand} ${word}`
  const slug = `${brand}${rng.chance(0.5) ? '-' : ''}${word}`.toLowerCase()
  if (rng.chance(0.3)) {
    // A foreign company's China subsidiary: Acme Industrial (Shanghai) Co., Ltd.
    const place = pickChinaCity(rng)
    return {
      name: `${short} (${capitalize(place.latin)}) Co., Ltd.`, short, chinese: false, industry, domain: `${slug}.com.cn`,
      city: place.name, region: place.region, china: place, lifecycle: pickLifecycle(rng),
    }
  }
  const place = rng.pick(FOREIGN_CITIES)
  return {
    name: `${short} ${rng.pick(place.suffixes)}`, short, chinese: false, industry, domain: slug + place.tld,
    city: place.city, region: 'global', foreign: place, lifecycle: pickLifecycle(rng),
  }
}

/** A company whose name is not in `taken` yet (and is added to it). */
export function makeCompany(rng: Random, chinese: boolean, taken: Set<string>): Company {
  for (let attempt = 1; ; attempt++) {
    const company = chinese ? chineseCompany(rng) : englishCompany(rng)
    if (attempt > 50) company.name = `${company.name} ${attempt}`
    if (!taken.has(company.name)) {
      taken.add(company.name)
      return company
    }
  }
}

export function companyPhone(rng: Random, company: Company): string {
  if (company.foreign) return rng.fill(company.foreign.landline)
  if (rng.chance(0.1) && !company.government) return `400-${rng.digits(3)}-${rng.digits(4)}`
  return chinaLandline(rng, company.china!)
}

function address(rng: Random, company: Company): Record<string, string> {
  if (company.foreign) {
    const { country, city, streets, postcodes } = company.foreign
    const street = `${rng.int(1, 300)} ${rng.pick(streets)}`
    return postcodes.length > 0 ? { country, city, street, postcode: rng.pick(postcodes) } : { country, city, street }
  }
  const place = company.china!
  const building = rng.chance(0.5) ? `${rng.pick(BUILDING_NAMES)}${rng.pick(BUILDINGS)}${rng.int(2, 28)}楼` : ''
  return {
    country: '中国', province: place.province, city: `${place.name}市`, district: rng.pick(place.districts),
    street: `${rng.pick(STREETS)}${rng.int(1, 999)}号${building}`, postcode: `${place.postcode}${rng.int(0, 2)}${rng.digits(2)}`,
  }
}

/** API-shaped account values for a company. */
export function accountValues(rng: Random, company: Company): Record<string, unknown> {
  const size = company.government ? rng.pick(['50_199', '200_999'] as const) : pickSize(rng)
  const [low, high] = EMPLOYEES[size]
  const employees = rng.amount(low, high, 1)
  const values: Record<string, unknown> = { name: company.name, industry: company.industry, size }
  const revenueCny = company.government ? 0 : employees * rng.amount(300_000, 1_500_000, 10_000)
  values.tier = company.government || revenueCny > 500_000_000 ? 'a' : revenueCny > 50_000_000 ? rng.pick(['a', 'b', 'b'] as const) : rng.pick(['b', 'c', 'c'] as const)
  values.lifecycle_stage = company.lifecycle
  values.source = pickSource(rng)
  values.phone = companyPhone(rng, company)
  if (rng.chance(0.7)) values.email = `${rng.pick(['info', 'sales', 'contact', 'service', 'hr'])}@${company.domain}`
  values.website = `https://www.${company.domain}`
  values.city = company.city
  values.address = address(rng, company)
  if (revenueCny > 0) {
    const usd = company.foreign !== undefined
    const amount = usd ? Math.round(revenueCny / 7 / 10_000) * 10_000 : revenueCny
    values.annual_revenue = { amount: `${amount}.00`, currency: usd ? 'USD' : 'CNY' }
  }
  values.employees = employees
  values.rating = rng.pick([1, 2, 3, 3, 3, 4, 4, 5])
  if (rng.chance(0.6)) {
    values.description = company.chinese
      ? `${company.city}${INDUSTRY_LABELS[company.industry]}客户，${rng.pick(ACCOUNT_NOTES)}。`
      : rng.pick(ENGLISH_ACCOUNT_NOTES)
  }
  return values
}
