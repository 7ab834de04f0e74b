import fc from 'fast-check'
import type { World } from './malformed-input.property-model.ts'

/**
 * Text the malformed-input generators draw from: odd and unstorable strings, ids that name no
 * record, ISO dates, and percent-encoding that keeps lone surrogates.
 */

/** Strings that stress storage and search: NUL, lone surrogates, emoji, bidi, SQL and LIKE syntax. */
export const NASTY_STRINGS = [
  'a\u0000b', '\u0000', 'x\ud800', '\udfff', '\ud83d', '👩‍💻🚀🇨🇳', '\u202eevil', '\u200b', 'e\u0301', '\ufeffbom',
  "' OR '1'='1", '%_\\', '"; drop table accounts; --', '$1', '{}', '[]', 'null', 'undefined', '\\u0000', '\r\n\t',
  '上海星辰科技有限公司', '𠀀𠀁', '😀'.repeat(60), 'ﷺ', 'İstanbul', 'ß', '\u3000全角\u3000',
]

export const plainText = fc.oneof(
  fc.constantFrom('上海星辰科技有限公司', 'Acme Ltd', '张伟', "O'Brien & Sons", '100% 真实', 'a_b\\c', 'Zoë', '北京'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((text) => text.trim() !== '' && !text.includes('\u0000')),
)

/** Strings PostgreSQL cannot store as they are: NUL, and lone surrogates (which JSON escapes as \udXXX). */
export const UNSTORABLE_STRINGS = ['a\u0000b', '\u0000', 'x\ud800', '\udfff', '\ud83d', 'tail\udbff', '\u0000\ud800']

/** Any string at all, NUL and lone surrogates included. */
export const anyString = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...UNSTORABLE_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.constantFrom(' ', '   ', '\t\n', '') },
)

export const hex = (bytes: number) => fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((array) => Buffer.from(array).toString('hex'))

const dayMs = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) })
export const isoDate = dayMs.map((ms) => new Date(ms).toISOString().slice(0, 10))
export const isoDateTime = fc.tuple(dayMs, fc.boolean()).map(([ms, offset]) => {
  const text = new Date(ms).toISOString()
  return offset ? `${text.slice(0, 19)}+08:00` : text
})

/** Percent-encodes text, lone surrogates included (as the CESU-8 bytes a sloppy client sends). */
export function encode(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2))
      i++
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('')
    } else {
      out += encodeURIComponent(text[i])
    }
  }
  return out
}

/** A syntactically valid UUID that names no record. */
export const absentUuid = fc.uuid({ version: [4, 7] })

/** Ids that are not UUIDs, some of them shaped like one. */
export const MALFORMED_IDS = [
  'not-a-uuid', '------------------------------------', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '00000000000000000000000000000000',
  '0000000-00000-0000-0000-000000000000z', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz', '12345', "1' or '1'='1", '-1', '0'.repeat(300),
]

/** Record ids (ready for a path) that reach no live record of the fuzzed workspace, with why. */
export const badIds = (world: World) => fc.oneof(
  absentUuid.map((id) => ({ id, kind: 'absent' })),
  fc.constantFrom(...MALFORMED_IDS).map((id) => ({ id: encode(id), kind: 'malformed' })),
  fc.constant(null).map(() => ({ id: world.foreign[0], kind: 'foreign' })),
  fc.constant(null).map(() => ({ id: world.deleted[0], kind: 'deleted' })),
)

/** If-Match headers that match no record's version. */
export const badIfMatch = fc.constantFrom('"0"', 'W/"999999"', 'abc', '"-1"', '"1.5"', '*', '"9999999999"', '', '1,2')
