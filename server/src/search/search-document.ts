import { pinyin } from 'pinyin-pro'

export interface SearchValue { text: string; kind?: 'person' | 'text' }
export interface SearchDocument { text: string; tokens: string[] }
export interface SearchQuery { needle: string; tokens: string[] }

const MAX_TEXT = 4000
const MAX_TOKENS = 600
const MAX_QUERY_TOKENS = 32
// Pinyin is for names, companies and cities; long free text is found by its characters.
const MAX_PINYIN_VALUE = 64
const MAX_PINYIN_CACHE = 200_000

// NFKC, lowercasing and whitespace collapsing leave these strings unchanged.
const NEEDS_NORMALIZING = /[^\x21-\x7e\u4e00-\u9fff ]|\s\s|^\s|\s$/
const HAS_HAN = /\p{Script=Han}/u
const HAN_RUN = /\p{Script=Han}+/gu
const PINYIN_SYLLABLE = /^[a-z]+$/
// Digit groups joined by phone or date punctuation: "138 1234", "2024-05-01".
const PHONE_LIKE = /^[ \-.()+/]*[0-9]+(?:[ \-.()+/]+[0-9]+)+[ \-.()+/]*$/
const DIGIT_SPAN = /[0-9]+(?:[ \-.()+/]+[0-9]+)+/g
const HAS_DIGIT_SPAN = /[0-9][ \-.()+/]+[0-9]/
const NON_DIGIT = /[^0-9]/g

export function normalizeSearchText(text: string): string {
  if (!NEEDS_NORMALIZING.test(text)) return text.toLowerCase()
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
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
  const tokens = new Set<string>()
  const candidates: string[] = []
  const runs = scanRuns(text)
  for (let r = 0; r < runs.length; r += 3) {
    const start = runs[r]
    candidates.length = 0
    runTokens(text, start, runs[r + 1], runs[r + 2], candidates)
    let fresh = candidates.length
    if (tokens.size + fresh > MAX_TOKENS) fresh = new Set(candidates.filter((t) => !tokens.has(t))).size
    if (tokens.size + fresh > MAX_TOKENS) {
      // Cut the text where its tokens stop, so every substring of the stored
      // text still finds all its query tokens in the document.
      text = text.slice(0, start).trimEnd()
      break
    }
    for (const token of candidates) tokens.add(token)
  }
  return { text, tokens: [...tokens] }
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

function runTokens(text: string, start: number, end: number, flags: number, out: string[]): void {
  const chars = flags & ASTRAL ? Array.from(text.slice(start, end)) : null
  const length = chars ? chars.length : end - start
  if (flags & CJK) {
    out.push(piece(text, start, chars, 0, 1))
    for (let i = 1; i < length; i++) out.push(piece(text, start, chars, i, 1), piece(text, start, chars, i - 1, 2))
    return
  }
  out.push('^' + piece(text, start, chars, 0, 1))
  if (length > 1) out.push('^' + piece(text, start, chars, 0, 2))
  for (let i = 3; i <= length; i++) out.push(piece(text, start, chars, i - 3, 3))
}

// Code points i..i+n of the run at start; chars is set only for runs with astral characters.
function piece(text: string, start: number, chars: string[] | null, i: number, n: number): string {
  return chars ? chars.slice(i, i + n).join('') : text.slice(start + i, start + i + n)
}

const SEPARATOR = 0
const WORD = 1
const CJK = 2
const ASTRAL = 4
const LETTER = String.raw`[\p{L}\p{N}\p{M}]`
const CJK_CHAR = new RegExp(String.raw`^[[\p{scx=Han}\p{scx=Hira}\p{scx=Kana}\p{scx=Hang}]&&${LETTER}]$`, 'v')
const LETTER_CHAR = new RegExp(`^${LETTER}$`, 'v')
const bmpClasses = new Int8Array(0x10000).fill(-1)
const astralClasses = new Map<string, number>()

function classify(char: string): number {
  return CJK_CHAR.test(char) ? CJK : LETTER_CHAR.test(char) ? WORD : SEPARATOR
}

// Returns [start, end, flags] triples of the maximal word and CJK runs. Each
// code point is classified on its own, never by its neighbours, so a run
// boundary inside a needle is a run boundary wherever the needle occurs.
function scanRuns(text: string): number[] {
  const runs: number[] = []
  let runClass = SEPARATOR
  let start = 0
  let astral = 0
  for (let i = 0; i <= text.length; ) {
    let cls = SEPARATOR
    let width = 1
    if (i < text.length) {
      const code = text.charCodeAt(i)
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        width = 2
        const char = text.slice(i, i + 2)
        cls = astralClasses.get(char) ?? classify(char)
        astralClasses.set(char, cls)
      } else {
        cls = bmpClasses[code]
        if (cls < 0) cls = bmpClasses[code] = classify(text[i])
      }
    }
    if (cls !== runClass) {
      if (runClass !== SEPARATOR) runs.push(start, i, runClass | astral)
      runClass = cls
      start = i
      astral = 0
    }
    if (width === 2) astral = ASTRAL
    i += width
  }
  return runs
}

function valueLines(text: string, person: boolean): string[] {
  const lines = [text]
  if (HAS_DIGIT_SPAN.test(text)) {
    for (const [span] of text.matchAll(DIGIT_SPAN)) lines.push(span.replace(NON_DIGIT, ''))
  }
  if (text.length <= MAX_PINYIN_VALUE && HAS_HAN.test(text)) lines.push(...pinyinLines(text, person))
  return lines
}

// Full pinyin ("zhangwei") and initials ("zw") of the Han runs, one line each.
function pinyinLines(text: string, person: boolean): string[] {
  const full: string[] = []
  const initials: string[] = []
  for (const [run] of text.matchAll(HAN_RUN)) {
    const [spelled, initial] = runPinyin(run, person)
    if (!spelled) continue
    full.push(spelled)
    initials.push(initial)
  }
  if (full.length === 0) return []
  const fullLine = full.join(' ')
  const initialLine = initials.join(' ')
  return initialLine === fullLine ? [fullLine] : [fullLine, initialLine]
}

// Toneless reading of one character: '' if it has none, null if it has several.
const charReadings = new Map<string, string | null>()
const runReadings = new Map<string, [string, string]>()

function charReading(char: string): string | null {
  let reading = charReadings.get(char)
  if (reading === undefined) {
    const all = new Set(pinyin(char, { type: 'array', toneType: 'none', v: true, multiple: true }))
    const valid = [...all].filter((syllable) => PINYIN_SYLLABLE.test(syllable))
    reading = valid.length === 0 ? '' : valid.length === 1 ? valid[0] : null
    charReadings.set(char, reading)
  }
  return reading
}

// Characters with one reading are spelled directly (about 10x faster); runs with
// a polyphone go through pinyin-pro, which reads them in context.
function runPinyin(run: string, person: boolean): [string, string] {
  let spelled = ''
  let initials = ''
  for (const char of run) {
    const reading = charReading(char)
    if (reading === null) return polyphonicRunPinyin(run, person)
    spelled += reading
    initials += reading.slice(0, 1)
  }
  return [spelled, initials]
}

function polyphonicRunPinyin(run: string, person: boolean): [string, string] {
  const key = (person ? 'p' : 't') + run
  let cached = runReadings.get(key)
  if (cached) return cached
  const syllables = pinyin(run, {
    type: 'array',
    toneType: 'none',
    v: true,
    // Surname readings at the head of a name: 单 shan, 曾 zeng, 解 xie.
    ...(person ? { mode: 'surname', surname: 'head' } : {}),
  }).filter((syllable) => PINYIN_SYLLABLE.test(syllable))
  cached = [syllables.join(''), syllables.map((syllable) => syllable[0]).join('')]
  if (runReadings.size >= MAX_PINYIN_CACHE) runReadings.clear()
  runReadings.set(key, cached)
  return cached
}

// Slices to at most `max` UTF-16 units without splitting a surrogate pair.
function cut(text: string, max: number): string {
  if (text.length <= max) return text
  const code = text.charCodeAt(max - 1)
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max)
}
