import { describe, expect, it } from 'vitest'
import { messagesEn } from './messages-en.ts'
import { messagesZhCn } from './messages-zh-cn.ts'
import { localeFromHeader, translate } from './translate.ts'

describe('message catalogues', () => {
  it('have the same keys and placeholders in both languages', () => {
    expect(Object.keys(messagesZhCn).sort()).toEqual(Object.keys(messagesEn).sort())
    for (const [key, english] of Object.entries(messagesEn)) {
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort()
      expect(placeholders(messagesZhCn[key as keyof typeof messagesEn]), key).toEqual(placeholders(english))
    }
  })

  it('fills placeholders and picks the language from Accept-Language', () => {
    expect(translate('zh-CN', 'field.too_long', { max: 10 })).toBe('最多 10 个字符。')
    expect(localeFromHeader('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN')
    expect(localeFromHeader('en-US,en;q=0.9,zh;q=0.5')).toBe('en')
    expect(localeFromHeader('fr-FR, zh-TW;q=0.5')).toBe('zh-CN')
    expect(localeFromHeader(undefined)).toBe('en')
  })
})
