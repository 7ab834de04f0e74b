// Splitting normalised text into runs of CJK characters and runs of other
// letters/digits ("words"), and the index tokens of each run.

export const CJK = 2
export const ASTRAL = 4
const SEPARATOR = 0
const WORD = 1
const LETTER = String.raw`[\p{L}\p{N}\p{M}]`
const CJK_CHAR = new RegExp(String.raw`^[[\p{scx=Han}\p{scx=Hira}\p{scx=Kana}\p{scx=Hang}]&&${LETTER}]$`, 'v')
const LETTER_CHAR = new RegExp(`^${LETTER}$`, 'v')
const bmpClasses = new Int8Array(0x10000).fill(-1)
const astralClasses = new Map<string, number>()

function classify(char: string): number {
  return CJK_CHAR.test(char) ? CJK : LETTER_CHAR.test(char) ? WORD : SEPARATOR
}

// Returns [start, end, flags] triples of the maximal runs. Each code point is
// classified on its own, never by its neighbours, so a run boundary inside a
// needle is a run boundary wherever the needle occurs.
export function scanRuns(text: string): number[] {
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

// Document tokens of one run: a CJK run gives every unigram and bigram, a word
// every trigram plus the prefixes "^x" and "^xy" that serve 1-2 letter queries.
// Only tokens not yet seen since beginTokens() are appended to out.
export function runTokens(text: string, start: number, end: number, flags: number, out: string[]): void {
  if (flags & ASTRAL) return astralRunTokens(Array.from(text.slice(start, end)), (flags & CJK) !== 0, out)
  if (flags & CJK) {
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i)
      if (isNew(UNIGRAM, code, 0, 0)) out.push(text[i])
      if (i > start && isNew(BIGRAM, text.charCodeAt(i - 1), code, 0)) out.push(text.slice(i - 1, i + 1))
    }
    return
  }
  const first = text.charCodeAt(start)
  if (isNew(PREFIX1, first, 0, 0)) out.push('^' + text[start])
  if (end - start > 1 && isNew(PREFIX2, first, text.charCodeAt(start + 1), 0)) out.push('^' + text.slice(start, start + 2))
  for (let i = start + 2; i < end; i++) {
    if (isNew(TRIGRAM, text.charCodeAt(i - 2), text.charCodeAt(i - 1), text.charCodeAt(i))) out.push(text.slice(i - 2, i + 1))
  }
}

function astralRunTokens(chars: string[], cjk: boolean, out: string[]): void {
  if (cjk) {
    for (let i = 0; i < chars.length; i++) {
      addJoined(UNIGRAM, chars, i, 1, out)
      if (i > 0) addJoined(BIGRAM, chars, i - 1, 2, out)
    }
    return
  }
  addJoined(PREFIX1, chars, 0, 1, out)
  if (chars.length > 1) addJoined(PREFIX2, chars, 0, 2, out)
  for (let i = 2; i < chars.length; i++) addJoined(TRIGRAM, chars, i - 2, 3, out)
}

function addJoined(tag: number, chars: string[], from: number, n: number, out: string[]): void {
  const body = chars.slice(from, from + n).join('')
  const token = (tag === PREFIX1 || tag === PREFIX2 ? '^' : '') + body
  if (body.length === n) {
    if (isNew(tag, body.charCodeAt(0), n > 1 ? body.charCodeAt(1) : 0, n > 2 ? body.charCodeAt(2) : 0)) out.push(token)
  } else if (!astralTokens.has(token)) {
    astralTokens.add(token)
    out.push(token)
  }
}

// Deduplicating tokens through a Set of strings costs about half of a document
// build, so BMP tokens are deduplicated as numbers in a reused open-addressing
// table; a stamp per slot empties it in O(1) for each document.
const TRIGRAM = 0
const UNIGRAM = 1
const BIGRAM = 2
const PREFIX1 = 3
const PREFIX2 = 4
const SLOT_BITS = 14 // twice the most tokens a 4,000-character text can give
const slotKeys = new Float64Array(1 << SLOT_BITS)
const slotStamps = new Int32Array(1 << SLOT_BITS)
const astralTokens = new Set<string>()
let stamp = 0

export function beginTokens(): void {
  if (++stamp === 0x7fffffff) {
    slotStamps.fill(0)
    stamp = 1
  }
  if (astralTokens.size > 0) astralTokens.clear()
}

function isNew(tag: number, a: number, b: number, c: number): boolean {
  const key = ((tag * 0x10000 + a) * 0x10000 + b) * 0x10000 + c
  let slot = Math.imul(Math.imul(Math.imul(a ^ (tag << 16), 0x9e3779b1) ^ b, 0x85ebca6b) ^ c, 0xc2b2ae35) >>> (32 - SLOT_BITS)
  while (slotStamps[slot] === stamp) {
    if (slotKeys[slot] === key) return false
    slot = (slot + 1) & ((1 << SLOT_BITS) - 1)
  }
  slotStamps[slot] = stamp
  slotKeys[slot] = key
  return true
}
