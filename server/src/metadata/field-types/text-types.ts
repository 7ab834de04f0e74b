import type { FieldDefinition } from '../object-definition.ts'
import { accept, refuse, singleColumn, type Checked, type FieldTypeDefinition } from './field-type.ts'

const TEXT_OPERATORS = ['eq', 'neq', 'contains', 'starts_with', 'in', 'nin', 'is_empty', 'is_not_empty'] as const

function checkText(input: unknown, field: FieldDefinition, defaultMax: number): Checked<string> {
  if (typeof input !== 'string') return refuse('expected_text')
  const value = input.trim()
  const max = field.maxLength ?? defaultMax
  if (value.length > max) return refuse('too_long', { max })
  return accept(value)
}

function textType(sqlType: string, defaultMax: number, index: 'btree' | 'none'): FieldTypeDefinition {
  return {
    columns: singleColumn(sqlType),
    json: { cast: '' },
    index,
    operators: index === 'btree' ? TEXT_OPERATORS : ['contains', 'is_empty', 'is_not_empty'],
    parse: (input, field) => checkText(input, field, defaultMax),
    parseOperand: (raw) => accept(raw),
    jsonSchema: (field) => ({ type: 'string', maxLength: field.maxLength ?? defaultMax }),
    searchText: (value) => [String(value)],
  }
}

export const textField = textType('text', 255, 'btree')
export const longTextField = textType('text', 100_000, 'none')
export const richTextField = textType('text', 500_000, 'none')

const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/

export const emailField: FieldTypeDefinition = {
  ...textField,
  parse(input, field) {
    const text = checkText(input, field, 254)
    if (!text.ok) return text
    if (!EMAIL_PATTERN.test(text.value)) return refuse('invalid_email')
    return accept(text.value.toLowerCase())
  },
  parseOperand: (raw) => accept(raw.trim().toLowerCase()),
  jsonSchema: () => ({ type: 'string', format: 'email', maxLength: 254 }),
}

/** Digits of a phone number, with a mainland +86 / 0086 prefix removed. */
export function phoneDigits(value: string): string {
  const digits = value.replace(/[^\d]/g, '')
  if (value.trim().startsWith('+86') || digits.startsWith('0086')) return digits.replace(/^(0086|86)/, '')
  return digits
}

export const phoneField: FieldTypeDefinition = {
  ...textField,
  parse(input, field) {
    const text = checkText(input, field, 40)
    if (!text.ok) return text
    if (!/^\+?[\d\s\-().]+$/.test(text.value)) return refuse('invalid_phone')
    const digits = phoneDigits(text.value)
    if (digits.length < 5 || digits.length > 20) return refuse('invalid_phone')
    // Without another country code, 11 digits starting with 1 is a mainland mobile: it needs a real network prefix.
    const foreign = /^\s*(\+|00)/.test(text.value) && !/^\s*(\+|00)86/.test(text.value)
    if (!foreign && digits.length === 11 && digits.startsWith('1') && !/^1[3-9]\d{9}$/.test(digits)) return refuse('invalid_mobile')
    return accept(text.value)
  },
  jsonSchema: () => ({ type: 'string', maxLength: 40 }),
  searchText: (value) => [phoneDigits(String(value))],
}

export const urlField: FieldTypeDefinition = {
  ...textField,
  parse(input, field) {
    const text = checkText(input, field, 2048)
    if (!text.ok) return text
    const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text.value) ? text.value : `https://${text.value}`
    try {
      const url = new URL(candidate)
      if (!['http:', 'https:'].includes(url.protocol) || !url.hostname.includes('.')) return refuse('invalid_url')
      return accept(candidate)
    } catch {
      return refuse('invalid_url')
    }
  },
  jsonSchema: () => ({ type: 'string', format: 'uri', maxLength: 2048 }),
  searchText: () => [],
}
