import { describe, expect, it } from 'vitest'
import { jsonRowsPayload } from './json-rows-payload.ts'

describe('jsonRowsPayload', () => {
  it('is the UTF-8 of JSON.stringify of the rows', () => {
    const cases: unknown[][] = [
      [],
      [{ a: 1 }],
      [{ name: '张伟', note: null }, { text: 'x'.repeat(5_000), nested: { emoji: '😀', é: ['é'] } }],
      // Rows far larger than the first: the buffer has to grow.
      Array.from({ length: 300 }, (_, i) => ({ i, text: i % 7 === 0 ? '长'.repeat(i * 3) : 'x' })),
    ]
    for (const rows of cases) expect(jsonRowsPayload(rows).toString('utf8')).toBe(JSON.stringify(rows))
  })
})
