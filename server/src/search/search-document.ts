import { pinyinLines } from './search-pinyin.ts'
import { ASTRAL, beginTokens, CJK, runTokens, scanRuns } from './search-runs.ts'

export interface SearchValue { text: string; kind?: 'person' | 'text' }
export interface SearchDocument { text: string; tokens: string[] }
export interface SearchQuery { needle: string; tokens: string[] }

const MAX_TEXT = 4000
const MAX_TOKENS = 600
const MAX_QUERY_TOKENS = 32
// Pinyin is for names, companies and cities; long free text is found by its characters.
const MAX_PINYIN_VALUE = 64

// NFKC, lowercasing and whitespace collapsing leave these strings unchanged.
const NEEDS_NORMALIZING = /[^\x21-\x7e\u4e00-\u9fff ]|\s\s|^\s|\s$/
const HAS_HAN = /\p{Script=Han}/u
// Digit groups joined by phone or date punctuation: "138 1234", "2024-05-01".
const PHONE_LIKE = /^[ \-.()+/]*[0-9]+(?:[ \-.()+/]+[0-9]+)+[ \-.()+/]*$/
const DIGIT_SPAN = /[0-9]+(?:[ \-.()+/]+[0-9]+)+/g
const HAS_DIGIT_SPAN = /[0-9][ \-.()+/]+[0-9]/
const NON_DIGIT = /[^0-9]/g

export function normalizeSearchText(text: string): string {
  if (!NEEDS_NORMALIZING.test(text)) return text.toLowerCase()
  // Control characters and lone surrogates cannot be stored in PostgreSQL text.
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{Cc}\p{Cs}]+/gu, ' ').trim()
}

export function buildSearchDocument(values: SearchValue[]): SearchDocument {
  const lines: string[] = []
  let length = 0
  for (const value of values) {
    if (length >= MAX_TEXT) break
    const text = normalizeSearchText(cut(value.text, MAX_TEXT - length))
    if (!text) continue
    for (const line of valueLines(text, value.kind === 'person')) {
      lines.push(line)
      length += line.length + 1
    }
  }
  let text = cut(lines.join('\n'), MAX_TEXT)
  const runs = scanRuns(text)
  const tokens: string[] = []
  beginTokens()
  for (let r = 0; r < runs.length; r += 3) {
    const before = tokens.length
    runTokens(text, runs[r], runs[r + 1], runs[r + 2], tokens)
    if (tokens.length > MAX_TOKENS) {
      // Cut the text where its tokens stop, so every substring of the stored
      // text still finds all its query tokens in the document.
      tokens.length = before
      text = text.slice(0, runs[r]).trimEnd()
      break
    }
  }
  return { text, tokens }
}

export function buildSearchQuery(query: string): SearchQuery | null {
  let needle = normalizeSearchText(query)
  // "138 1234" must find the phone 13812345678; documents carry the same
  // collapsed form of their digit groups (see valueLines).
  if (PHONE_LIKE.test(needle)) needle = needle.replace(NON_DIGIT, '')
  const runs = scanRuns(needle)
  const tokens = new Set<string>()
  for (let r = 0; r < runs.length; r += 3) {
    const run = needle.slice(runs[r], runs[r + 1])
    const chars = runs[r + 2] & ASTRAL ? Array.from(run) : run
    if (runs[r + 2] & CJK) {
      if (chars.length === 1) tokens.add(chars[0])
      for (let i = 1; i < chars.length; i++) tokens.add(chars[i - 1] + chars[i])
    } else if (chars.length >= 3) {
      for (let i = 2; i < chars.length; i++) tokens.add(chars[i - 2] + chars[i - 1] + chars[i])
    } else if (r > 0 || runs.length === 3) {
      // Every run after the first starts a document word, so its prefix token
      // is exact; the first run may be the tail of a longer word. A query that
      // is one short word matches word prefixes only ("m" finds "mike", not "smith").
      tokens.add('^' + run)
    }
  }
  if (tokens.size === 0) return null
  return { needle, tokens: pickQueryTokens([...tokens]) }
}

// Any subset of the tokens stays correct because position() rechecks the
// needle; one-letter prefixes have huge posting lists, so drop them when
// stronger tokens exist.
function pickQueryTokens(tokens: string[]): string[] {
  const strong = tokens.filter((token) => !(token.length === 2 && token[0] === '^'))
  return (strong.length > 0 ? strong : tokens).slice(0, MAX_QUERY_TOKENS)
}

function valueLines(text: string, person: boolean): string[] {
  const lines = [text]
  if (HAS_DIGIT_SPAN.test(text)) {
    for (const [span] of text.matchAll(DIGIT_SPAN)) lines.push(span.replace(NON_DIGIT, ''))
  }
  if (text.length <= MAX_PINYIN_VALUE && HAS_HAN.test(text)) lines.push(...pinyinLines(text, person))
  return lines
}

// Slices to at most `max` UTF-16 units without splitting a surrogate pair.
function cut(text: string, max: number): string {
  if (text.length <= max) return text
  const code = text.charCodeAt(max - 1)
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max)
}
