import fc from '/work/main/node_modules/fast-check/lib/fast-check.js'
import { pinyin } from 'pinyin-pro'
import { describe, expect, it } from 'vitest'
import { buildSearchDocument, buildSearchQuery, normalizeSearchText, type SearchDocument, type SearchValue } from './search-document.ts'
import { pinyinLines } from './search-pinyin.ts'

// What PostgreSQL evaluates: search_tokens @> tokens AND position(needle in search_text) > 0.
function finds(doc: SearchDocument, query: string): boolean {
  const q = buildSearchQuery(query)
  if (!q) return false
  const tokens = new Set(doc.tokens)
  return q.tokens.every((token) => tokens.has(token)) && doc.text.includes(q.needle)
}

const contact: SearchValue[] = [
  { text: '张伟', kind: 'person' },
  { text: '阿里巴巴集团' },
  { text: 'John.Smith@Acme-Corp.com' },
  { text: '13812345678' },
]
const doc = buildSearchDocument(contact)

describe('buildSearchDocument / buildSearchQuery', () => {
  it.each([
    '张伟', '张', '伟', 'zhangwei', 'zhang', 'wei', 'zw', 'z', 'ZhangWei',
    '阿里巴巴', '巴巴', '阿', 'alibaba', 'albb', 'jituan',
    'acme', 'smith@acme', 'acme-corp', '@acme', 'corp.com', 'corp', 'john.smith', 'n.sm', 'ohn',
    '5678', '138', '1381234', '138 1234', '138-1234-5678', '(138) 1234 5678', '1234 5678', '1', '13',
  ])('finds the contact by %j', (query) => {
    expect(finds(doc, query)).toBe(true)
  })

  it.each(['李', 'lisi', 'zx', 'acne', '9999', '张 伟', 'smith acme'])('does not find the contact by %j', (query) => {
    expect(finds(doc, query)).toBe(false)
  })

  it('reads surnames of people by their surname reading', () => {
    const people = buildSearchDocument([{ text: '单雄信', kind: 'person' }, { text: '曾国藩', kind: 'person' }, { text: '解晓东', kind: 'person' }])
    for (const query of ['shanxiongxin', 'shan', 'sxx', 'zengguofan', 'zgf', 'xiexiaodong']) expect(finds(people, query)).toBe(true)
    expect(finds(people, 'danxiong')).toBe(false)
    expect(finds(buildSearchDocument([{ text: '吕布', kind: 'person' }]), 'lvbu')).toBe(true)
  })

  it('reads polyphones in context, and surnames only for people', () => {
    expect(finds(buildSearchDocument([{ text: '重庆分公司' }]), 'chongqing')).toBe(true)
    expect(finds(buildSearchDocument([{ text: '单据' }]), 'danju')).toBe(true)
  })

  it('spells single-reading characters exactly as pinyin-pro does', () => {
    for (const name of ['张伟', '欧阳娜娜', '王芳芳', '司马懿', '诸葛亮', '李静', '黄晓明', '林志玲']) {
      const expected = pinyin(name, { type: 'array', toneType: 'none', v: true, mode: 'surname', surname: 'head' })
      expect(pinyinLines(name, true)).toEqual([expected.join(''), expected.map((s) => s[0]).join('')])
    }
  })

  it('finds digit groups however they are punctuated', () => {
    const note = buildSearchDocument([{ text: '会议 2024-05-01，座机 (010) 8888-1234' }])
    for (const query of ['2024-05-01', '2024 05', '20240501', '010 8888', '0108888', '8888 1234']) expect(finds(note, query)).toBe(true)
  })

  it('folds full-width and case', () => {
    expect(normalizeSearchText('  ＡＣＭＥ\u3000 Ｃｏｒｐ\t１２３ ')).toBe('acme corp 123')
    expect(finds(buildSearchDocument([{ text: 'ＡＣＭＥ' }]), 'acme')).toBe(true)
    expect(finds(buildSearchDocument([{ text: 'Acme' }]), 'ＡＣＭＥ')).toBe(true)
  })

  it('drops characters PostgreSQL text cannot hold', () => {
    expect(normalizeSearchText('a\u0000b\ud800c')).toBe('a b c')
  })

  it('makes tokens for 1- and 2-character queries', () => {
    for (const query of ['a', 'ab', '张', '张伟', '1', '12', 'z', 'Ａ']) expect(buildSearchQuery(query)?.tokens.length).toBeGreaterThan(0)
    expect(buildSearchQuery('ab')).toEqual({ needle: 'ab', tokens: ['^ab'] })
    expect(buildSearchQuery('张')).toEqual({ needle: '张', tokens: ['张'] })
  })

  it('matches a lone 1-2 letter query against word prefixes only, by design', () => {
    const person = buildSearchDocument([{ text: 'John Smith' }])
    expect(finds(person, 'sm')).toBe(true)
    expect(finds(person, 'mi')).toBe(false)
    // With a word boundary in the needle, exact substring semantics hold again.
    expect(finds(person, 'n sm')).toBe(true)
    expect(finds(person, 'n s')).toBe(true)
    expect(finds(person, 'n.s')).toBe(false)
  })

  it('returns null for queries without letters, digits or CJK', () => {
    for (const query of ['', '   ', '@', '--', '（）']) expect(buildSearchQuery(query)).toBeNull()
  })

  it('handles characters outside the BMP and other CJK scripts', () => {
    const rare = buildSearchDocument([{ text: '𠀀张 東京タワー 서울 张 𠀀' }])
    expect(rare.tokens.filter((token) => token === '张' || token === '𠀀')).toHaveLength(2)
    for (const query of ['𠀀', '𠀀张', 'タワー', '서']) expect(finds(rare, query)).toBe(true)
  })

  it('caps text and tokens without losing earlier values', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}x`).join(' ')
    const big = buildSearchDocument([{ text: '张伟', kind: 'person' }, { text: words }, { text: '最后'.repeat(5000) }])
    expect(big.text.length).toBeLessThanOrEqual(4000)
    expect(big.tokens.length).toBeLessThanOrEqual(600)
    expect(finds(big, 'zhangwei')).toBe(true)
    const text = big.text
    for (let i = 0; i < text.length; i += 97) expectNoFalseNegative(big, text.slice(i, i + 1 + (i % 11)))
    expect(buildSearchQuery('abcdefghij'.repeat(20))!.tokens.length).toBeLessThanOrEqual(32)
  })
})

function expectNoFalseNegative(document: SearchDocument, substring: string): void {
  const q = buildSearchQuery(substring)
  if (/[\p{L}\p{N}]/u.test(normalizeSearchText(substring))) expect(q).not.toBeNull()
  // Needles never span lines; a lone 1-2 letter word matches prefixes by design.
  const words = q?.needle.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []
  if (!q || substring.includes('\n') || (words.length === 1 && q.tokens.join() === '^' + words[0])) return
  const tokens = new Set(document.tokens)
  expect(q.tokens.filter((token) => !tokens.has(token)), JSON.stringify({ substring, text: document.text })).toEqual([])
  expect(document.text).toContain(q.needle)
}

const han = fc.constantFrom(...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗单曾解长重伟芳娜秀英敏静丽强磊军洋勇艳杰阿里巴集团行乐𠀀')
const latin = fc.stringMatching(/^[A-Za-z]{1,8}$/)
const digits = fc.stringMatching(/^[0-9]{1,11}$/)
const email = fc.tuple(latin, latin, latin).map(([a, b, c]) => `${a}.${b}@${c}.com`)
const phone = fc.tuple(digits, fc.constantFrom(' ', '-', ' - ', '(', ') '), digits).map(([a, sep, b]) => a + sep + b)
const separator = fc.constantFrom(' ', '  ', '@', '.', '-', '，', '（', '）', 'Ａ', '\t')
const fragment = fc.oneof(fc.array(han, { minLength: 1, maxLength: 4 }).map((chars) => chars.join('')), latin, digits, email, phone, separator)
const value = fc.record({
  text: fc.array(fragment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')),
  kind: fc.constantFrom('person' as const, 'text' as const, undefined),
})

describe('no false negatives', () => {
  it('every substring of a mixed Chinese/Latin document finds it', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 5 }), fc.array(fc.tuple(fc.nat(), fc.nat(12))), (values, cuts) => {
        const document = buildSearchDocument(values)
        expect(new Set(document.tokens).size).toBe(document.tokens.length)
        const chars = Array.from(document.text)
        for (const [start, length] of cuts) {
          const from = start % (chars.length + 1)
          expectNoFalseNegative(document, chars.slice(from, from + length).join(''))
        }
      }),
      { numRuns: 40000 },
    )
  })

  it('holds for arbitrary Unicode text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { minLength: 1, maxLength: 4 }), fc.nat(), fc.nat(10), (texts, start, length) => {
        const document = buildSearchDocument(texts.map((text) => ({ text })))
        const chars = Array.from(document.text)
        const from = start % (chars.length + 1)
        expectNoFalseNegative(document, chars.slice(from, from + length).join(''))
      }),
      { numRuns: 60000 },
    )
  })

  it('every query with a letter, digit or CJK character gets a token', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (query) => {
        if (/[\p{L}\p{N}]/u.test(normalizeSearchText(query))) expect(buildSearchQuery(query)?.tokens.length).toBeGreaterThan(0)
      }),
      { numRuns: 60000 },
    )
  })
})
