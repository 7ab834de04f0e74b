import { describe, expect, it } from 'vitest'
import { normalizePlace, placeList, ruleMatches, type AssignmentRule } from './assignment-match.ts'

const rule = (values: Partial<AssignmentRule>): AssignmentRule => ({
  id: 'r', name: 'r', provinces: null, cities: null, industries: null, sources: null, method: 'user', assignee_id: 'u', team_id: null, ...values,
})

describe('lead assignment conditions', () => {
  it('reads a province or city with or without its suffix, in either script width', () => {
    expect(normalizePlace('江苏省')).toBe('江苏')
    expect(normalizePlace('广西壮族自治区')).toBe('广西')
    expect(normalizePlace(' 上海市 ')).toBe('上海')
    expect(normalizePlace('Jiangsu Province')).toBe('jiangsu')
    expect(normalizePlace('市')).toBe('市')
    expect(placeList('江苏、浙江省，上海市\nAnhui; ')).toEqual(['江苏', '浙江', '上海', 'anhui'])
  })

  it('takes a lead only when every condition set holds', () => {
    const east = rule({ provinces: '江苏、浙江、上海', industries: ['manufacturing', 'logistics'] })
    expect(ruleMatches(east, { province: '浙江省', industry: 'manufacturing' })).toBe(true)
    expect(ruleMatches(east, { province: '广东省', industry: 'manufacturing' })).toBe(false)
    expect(ruleMatches(east, { province: '浙江', industry: 'finance' })).toBe(false)
    expect(ruleMatches(east, { province: null, industry: 'manufacturing' })).toBe(false)
    expect(ruleMatches(rule({ cities: '苏州,无锡' }), { province: '江苏', city: '苏州市' })).toBe(true)
    expect(ruleMatches(rule({ sources: ['web_form'] }), { source: 'import' })).toBe(false)
    expect(ruleMatches(rule({ provinces: '  ', industries: [] }), {})).toBe(true)
  })
})
