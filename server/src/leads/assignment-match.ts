/** A lead assignment rule as the assignment reads it (a `lead_assignment_rules` record). */
export interface AssignmentRule {
  id: string
  name: string
  provinces: string | null
  cities: string | null
  industries: string[] | null
  sources: string[] | null
  method: 'user' | 'round_robin' | 'least_loaded'
  assignee_id: string | null
  team_id: string | null
}

// Longest first, so 广西壮族自治区 loses its whole suffix rather than only 自治区.
const PLACE_SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '自治州', '地区', '省', '市', ' province', ' city', ' shi', ' sheng']

/** 江苏省, 江苏 and "Jiangsu Province" all read as one place. */
export function normalizePlace(name: string): string {
  let place = name.normalize('NFKC').trim().toLowerCase()
  for (const suffix of PLACE_SUFFIXES) {
    if (place.length > suffix.length && place.endsWith(suffix)) {
      place = place.slice(0, -suffix.length).trim()
      break
    }
  }
  return place
}

/** The places of a rule's list, written as people write lists: 江苏、浙江，上海 or one per line. */
export function placeList(text: string | null | undefined): string[] {
  return (text ?? '').split(/[,，、;；\n\r]+/).map(normalizePlace).filter(Boolean)
}

function placeMatches(list: string | null, value: unknown): boolean {
  const places = placeList(list)
  if (places.length === 0) return true
  return typeof value === 'string' && places.includes(normalizePlace(value))
}

function optionMatches(list: string[] | null, value: unknown): boolean {
  if (!list || list.length === 0) return true
  return typeof value === 'string' && list.includes(value)
}

/** A rule takes a lead when every condition it sets holds (an empty condition holds for any lead). */
export function ruleMatches(rule: AssignmentRule, lead: Record<string, unknown>): boolean {
  return placeMatches(rule.provinces, lead.province)
    && placeMatches(rule.cities, lead.city)
    && optionMatches(rule.industries, lead.industry)
    && optionMatches(rule.sources, lead.source)
}
