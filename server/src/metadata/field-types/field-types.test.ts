import { describe, expect, it } from 'vitest'
import type { FieldDefinition } from '../object-definition.ts'
import { fieldTypes } from './index.ts'

const field = (type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ name: 'f', type, label: { en: 'F', 'zh-CN': 'F' }, ...extra })
const parse = (type: FieldDefinition['type'], value: unknown, extra?: Partial<FieldDefinition>) => fieldTypes[type].parse(value, field(type, extra))

describe('field types', () => {
  it('checks phones: mainland mobiles strictly, foreign numbers by shape', () => {
    expect(parse('phone', '+86 138-1234-5678').ok).toBe(true)
    expect(parse('phone', '021-66889900').ok).toBe(true)
    expect(parse('phone', '+1 212-555-0100').ok).toBe(true)
    expect(parse('phone', '12345678901')).toEqual({ ok: false, issue: { code: 'invalid_mobile' } })
    expect(parse('phone', 'call me')).toEqual({ ok: false, issue: { code: 'invalid_phone' } })
  })

  it('keeps money exact and refuses extra decimals', () => {
    expect(parse('currency', { amount: '99999999999999.99', currency: 'USD' })).toEqual({ ok: true, value: { amount: '99999999999999.99', currency: 'USD' } })
    expect(parse('currency', 12.5)).toEqual({ ok: true, value: { amount: '12.50', currency: 'CNY' } })
    expect(parse('currency', { amount: '1.005' }).ok).toBe(false)
    expect(parse('currency', { amount: '1', currency: 'XYZ' }).ok).toBe(false)
  })

  it('checks calendar dates, datetimes, options, emails and urls', () => {
    expect(parse('date', '2026-02-29').ok).toBe(false)
    expect(parse('date', '2028-02-29').ok).toBe(true)
    expect(parse('datetime', '2026-03-31T09:30:00+08:00')).toEqual({ ok: true, value: '2026-03-31T01:30:00.000Z' })
    expect(parse('datetime', '2026-03-31 09:30').ok).toBe(false)
    expect(parse('single_select', 'x', { options: [{ value: 'a', label: { en: 'A', 'zh-CN': 'A' } }] }).ok).toBe(false)
    expect(parse('multi_select', ['a', 'a'], { options: [{ value: 'a', label: { en: 'A', 'zh-CN': 'A' } }] })).toEqual({ ok: true, value: ['a'] })
    expect(parse('email', 'Zhang.Wei@Example.CN')).toEqual({ ok: true, value: 'zhang.wei@example.cn' })
    expect(parse('email', 'zhang@localhost').ok).toBe(false)
    expect(parse('url', 'www.example.cn')).toEqual({ ok: true, value: 'https://www.example.cn' })
    expect(parse('url', 'javascript:alert(1)').ok).toBe(false)
    expect(parse('text', 'x'.repeat(256)).ok).toBe(false)
    expect(parse('number', '1e5').ok).toBe(false)
    expect(parse('rating', 6).ok).toBe(false)
  })
})

describe('formatting for people', () => {
  it('formats values in the reader language', async () => {
    const { formatFieldValue } = await import('./format-value.ts')
    const money = field('currency')
    expect(formatFieldValue({ amount: '1234567.50', currency: 'CNY' }, money, 'zh-CN')).toBe('¥1,234,567.50')
    expect(formatFieldValue({ amount: '99.00', currency: 'USD' }, money, 'en')).toBe('$99.00')
    expect(formatFieldValue(true, field('boolean'), 'zh-CN')).toBe('是')
    const stage = field('single_select', { options: [{ value: 'won', label: { en: 'Won', 'zh-CN': '赢单' } }] })
    expect(formatFieldValue('won', stage, 'zh-CN')).toBe('赢单')
    expect(formatFieldValue({ province: '广东省', city: '深圳市', street: '科技园南路 8 号' }, field('address'), 'zh-CN')).toBe('广东省深圳市科技园南路 8 号')
    expect(formatFieldValue(12.5, field('percent'), 'en')).toBe('12.5%')
    expect(formatFieldValue(null, field('text'), 'en')).toBe('')
  })
})
