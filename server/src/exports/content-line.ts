/** Content lines of vCard and iCalendar (RFC 6350 §3.2, RFC 5545 §3.1): escaping and folding. */

/** A TEXT value: backslash, comma, semicolon and line breaks escaped (iCalendar; vCard structured parts). */
export function escapeText(value: string): string {
  return escapeVcardText(value).replace(/;/g, '\\;')
}

/** A vCard single TEXT value (RFC 6350 §3.4): semicolons stay as they are outside structured values. */
export function escapeVcardText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n')
}

const encoder = new TextEncoder()

/**
 * One content line folded at 75 octets with CRLF + space, never splitting a UTF-8 character
 * (a Chinese character is 3 octets), ended with CRLF.
 */
export function contentLine(name: string, value: string): string {
  const line = `${name}:${value}`
  if (encoder.encode(line).length <= 75) return `${line}\r\n`
  const parts: string[] = []
  let current = ''
  let octets = 0
  let limit = 75
  for (const char of line) {
    const size = encoder.encode(char).length
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
      limit = 74 // continuation lines start with the folding space
    }
    current += char
    octets += size
  }
  parts.push(current)
  return `${parts.join('\r\n ')}\r\n`
}

/** A UTC date-time in the basic format both standards use: 20260331T093000Z. */
export function utcStamp(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}
