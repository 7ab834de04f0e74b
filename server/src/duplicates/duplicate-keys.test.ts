import { describe, expect, it } from 'vitest'
import { emailKey, nameKey, organisationKey, phoneKey, ruleKey } from './duplicate-keys.ts'

describe('duplicate keys', () => {
  it('folds email case and full-width forms', () => {
    expect(emailKey('  Wang.Fang@ACME.cn ')).toBe('wang.fang@acme.cn')
    expect(emailKey('ｗａｎｇ＠acme.cn')).toBe('wang@acme.cn')
  })

  it('writes mainland phones in E.164 whatever the prefix, spaces or dashes', () => {
    for (const phone of ['13800138000', '+86 138 0013 8000', '+86-138-0013-8000', '008613800138000', '138-0013-8000', '(+86) 138 0013 8000', '１３８００１３８０００']) {
      expect(phoneKey(phone), phone).toBe('+8613800138000')
    }
    expect(phoneKey('0512-66889900')).toBe('+8651266889900')
    expect(phoneKey('+1 (415) 555-1234')).toBe('+14155551234')
    expect(phoneKey('123')).toBeNull()
  })

  it('reads names as pinyin, with full- and half-width forms folded', () => {
    expect(nameKey('张伟')).toBe(nameKey('zhang wei'))
    expect(nameKey('Zhang  Wei')).toBe('zhangwei')
    expect(nameKey('ＡＢＣ科技')).toBe(nameKey('ABC科技'))
    expect(nameKey('单伟')).toBe('shanwei')
    expect(nameKey('张伟')).not.toBe(nameKey('张薇伟'))
  })

  it('compares organisations without their legal form', () => {
    expect(organisationKey('ＡＢＣ科技有限公司')).toBe(organisationKey('abc 科技'))
    expect(organisationKey('Acme Co., Ltd.')).toBe(organisationKey('ACME'))
    expect(organisationKey('北京恒信股份有限公司')).toBe(organisationKey('北京恒信'))
  })

  it('keys a person by name and company', () => {
    const rule = { kind: 'name' as const, field: 'name', company: 'company' }
    expect(ruleKey(rule, { name: '张伟', company: 'ＡＢＣ科技有限公司' })).toBe(ruleKey(rule, { name: 'zhang wei', company: 'ABC科技' }))
    expect(ruleKey(rule, { name: '张伟', company: 'ABC科技' })).not.toBe(ruleKey(rule, { name: '张伟', company: 'XYZ' }))
    expect(ruleKey(rule, { name: '  ' })).toBeNull()
  })
})
