import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { findUnstorableText } from './text-guard.ts'

describe('unstorable text', () => {
  it('finds NUL and lone surrogates, and names where', () => {
    expect(findUnstorableText({ name: 'a\u0000b' })).toBe('name')
    expect(findUnstorableText({ list: ['ok', 'x\ud800'] })).toBe('list[1]')
    expect(findUnstorableText({ nested: { deep: '\udfff' } })).toBe('nested.deep')
    expect(findUnstorableText({ emoji: '😀 张伟' })).toBeUndefined()
    expect(findUnstorableText('plain')).toBeUndefined()
    expect(findUnstorableText(Object.assign(Object.create(null), { q: 'x\u0000' }))).toBe('q')
  })

  it('walks parsed data only, not a streamed upload or other objects', () => {
    const upload = Readable.from(['a\u0000b'])
    expect(findUnstorableText(upload)).toBeUndefined()
    expect(findUnstorableText({ file: Buffer.from('a\u0000b') })).toBeUndefined()
  })
})
