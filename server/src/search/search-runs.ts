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
export function runTokens(text: string, start: number, end: number, flags: number, out: string[]): void {
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
