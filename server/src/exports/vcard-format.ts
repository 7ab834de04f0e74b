import type { ApiRecord } from '../records/row-mapping.ts'
import { contentLine, escapeText, escapeVcardText, utcStamp } from './content-line.ts'

const CJK = /^[\u3400-\u9fff\uf900-\ufaff]+$/

/** Family and given names: "张伟" → 张 + 伟; "Ada Lovelace" → Lovelace + Ada. */
export function splitName(name: string): { family: string; given: string } {
  const trimmed = name.trim()
  if (CJK.test(trimmed) && trimmed.length >= 2) return { family: trimmed.slice(0, 1), given: trimmed.slice(1) }
  const words = trimmed.split(/\s+/)
  if (words.length === 1) return { family: trimmed, given: '' }
  return { family: words.at(-1)!, given: words.slice(0, -1).join(' ') }
}

/** One contact as a vCard 3.0: name, organisation (its account), title, email, phone, address, note. */
export function contactVcard(record: ApiRecord, accountName: string | undefined): string {
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : '')
  const name = text('name')
  const { family, given } = splitName(name)
  let card = 'BEGIN:VCARD\r\nVERSION:3.0\r\n'
  card += contentLine('UID', `urn:uuid:${record.id}`)
  card += contentLine('FN', escapeVcardText(name))
  card += contentLine('N', `${escapeText(family)};${escapeText(given)};;;`)
  if (accountName) card += contentLine('ORG', escapeText(accountName))
  if (text('job_title')) card += contentLine('TITLE', escapeVcardText(text('job_title')))
  if (text('email')) card += contentLine('EMAIL;TYPE=INTERNET', escapeVcardText(text('email')))
  if (text('phone')) card += contentLine('TEL;TYPE=CELL', escapeVcardText(text('phone')))
  const address = record.address as Record<string, string> | null | undefined
  const city = address?.city ?? text('city')
  if (address || city) {
    // ADR: post office box; extended; street; locality; region; postal code; country.
    const parts = ['', '', address?.street ?? '', city, address?.province ?? '', address?.postcode ?? '', address?.country ?? '']
    card += contentLine('ADR;TYPE=WORK', parts.map(escapeText).join(';'))
  }
  if (text('description')) card += contentLine('NOTE', escapeVcardText(text('description')))
  if (typeof record.updated_at === 'string') card += contentLine('REV', utcStamp(record.updated_at))
  return `${card}END:VCARD\r\n`
}
