import { pinyin } from 'pinyin-pro'

const MAX_RUN_CACHE = 200_000
const HAN_RUN = /\p{Script=Han}+/gu
const SYLLABLE = /^[a-z]+$/

// Full pinyin ("zhangwei") and initials ("zw") of the Han runs of a value, as
// lines of the search text. Toneless, with ü spelled v (lv, nv) as typed on IMEs.
export function pinyinLines(text: string, person: boolean): string[] {
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
    const all = pinyin(char, { type: 'array', toneType: 'none', v: true, multiple: true })
    const valid = [...new Set(all)].filter((syllable) => SYLLABLE.test(syllable))
    reading = valid.length === 0 ? '' : valid.length === 1 ? valid[0] : null
    charReadings.set(char, reading)
  }
  return reading
}

// Characters with one reading are spelled directly, which is many times faster
// than pinyin-pro; runs with a polyphone go to pinyin-pro, which reads them in
// context (重庆 chong, 银行 hang) and, for people, reads surnames (单 shan).
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
    ...(person ? { mode: 'surname', surname: 'head' } : {}),
  }).filter((syllable) => SYLLABLE.test(syllable))
  cached = [syllables.join(''), syllables.map((syllable) => syllable[0]).join('')]
  if (runReadings.size >= MAX_RUN_CACHE) runReadings.clear()
  runReadings.set(key, cached)
  return cached
}
