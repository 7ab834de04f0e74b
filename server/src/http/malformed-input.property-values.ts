import fc from 'fast-check'
import type { FieldMeta, World } from './malformed-input.property-model.ts'
import { anyString, isoDate, isoDateTime, hex, MALFORMED_IDS, plainText } from './malformed-input.property-text.ts'

/** Values of one field, per field type: ones it accepts, ones it must refuse, and odd ones either way. */

export const CURRENCY_CODES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'SGD', 'TWD', 'KRW', 'AUD', 'CAD']
const DEFAULT_MAX_LENGTH: Record<string, number> = { text: 255, long_text: 100_000, rich_text: 500_000, email: 254, phone: 40, url: 2048 }
export const TEXT_TYPES = new Set(['text', 'long_text', 'rich_text', 'email', 'phone', 'url'])
const NUMERIC_TYPES = new Set(['number', 'percent', 'currency', 'rating'])

function deepObject(depth: number): unknown {
  let value: unknown = { leaf: [1, null, 'x'] }
  for (let i = 0; i < depth; i++) value = { a: value }
  return value
}

function deepArray(depth: number): unknown {
  let value: unknown = ['x']
  for (let i = 0; i < depth; i++) value = [value]
  return value
}

/** Objects no field accepts: none has the key `a`, `$gt` or `leaf`. */
export const junkObject = fc.constantFrom<unknown>({ a: 1 }, { $gt: '' }, { a: { b: { c: [1, { d: null }] } } }, deepObject(60), { a: 'x'.repeat(1000) })
/** Non-empty arrays no field accepts (an empty array reads as "no value"). */
const junkArray = fc.constantFrom<unknown>([1], ['x-not-an-option'], [null, {}], [[[]]], deepArray(60))

const cents = (min: number, max: number) => fc.integer({ min: Math.ceil(min * 100), max: Math.floor(max * 100) })

function decimalOf(field: FieldMeta, defaultScale: number): fc.Arbitrary<unknown> {
  const min = field.min ?? -1_000_000
  const max = field.max ?? 1_000_000
  const scale = field.scale ?? defaultScale
  if (scale === 0) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) }).chain((n) => fc.constantFrom<unknown>(n, String(n)))
  return cents(min, max).chain((n) => fc.constantFrom<unknown>(n / 100, (n / 100).toFixed(2)))
}

export const optionsOf = (field: FieldMeta) => (field.options ?? []).map((option) => option.value)
const idsOf = (world: World, target: string | undefined) => (target ? world.live[target] ?? [] : [])

/** Values the field accepts, or undefined when the client may not set it. */
export function validValue(field: FieldMeta, world: World): fc.Arbitrary<unknown> | undefined {
  if (field.readOnly) return undefined
  switch (field.type) {
    case 'text':
    case 'long_text':
    case 'rich_text':
      return plainText.filter((text) => text.trim().length <= (field.maxLength ?? DEFAULT_MAX_LENGTH[field.type]))
    case 'email':
      return fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/), hex(4), fc.constantFrom('example.com', 'qq.com', 'mail.example.cn')).map(([name, tag, domain]) => `${name}.${tag}@${domain}`)
    case 'phone':
      return fc.constantFrom('13812345678', '+86 139-1234-5678', '021-6234 5678', '(010) 8888-6666', '+1 415 555 0100', '0086 18612345678')
    case 'url':
      return fc.constantFrom('example.com', 'https://rapport.example/path?q=1', 'http://a.b', 'https://例子.中国/路径')
    case 'number':
      return decimalOf(field, 4)
    case 'percent':
      return decimalOf(field, 2)
    case 'currency':
      return fc.oneof(
        fc.record({ amount: cents(-1e9, 1e9).map((n) => (n / 100).toFixed(2)), currency: fc.constantFrom(...CURRENCY_CODES) }, { requiredKeys: ['amount'] }),
        cents(0, 1e6).map((n) => n / 100),
      )
    case 'rating':
      return fc.integer({ min: 0, max: field.max ?? 5 })
    case 'date':
      return isoDate
    case 'datetime':
      return isoDateTime
    case 'boolean':
      return fc.boolean()
    case 'single_select':
      return fc.constantFrom(...optionsOf(field))
    case 'multi_select':
      return fc.subarray(optionsOf(field))
    case 'relation': {
      if (field.target === '*') return undefined
      const ids = idsOf(world, field.target)
      if (ids.length === 0) return undefined
      return field.relationKind === 'many_to_many' ? fc.subarray(ids, { maxLength: Math.min(3, ids.length) }) : fc.constantFrom(...ids)
    }
    case 'user':
      return fc.constantFrom(...idsOf(world, 'users'))
    case 'address':
      return fc.record({ country: fc.constantFrom('中国', 'CN'), province: fc.constantFrom('浙江省', 'Zhejiang'), city: plainText, street: plainText, postcode: fc.constantFrom('310000', '') }, { requiredKeys: [] })
    case 'file':
      return fc.record({ name: fc.constantFrom('合同.pdf', 'a.png'), url: fc.constantFrom('https://files.example/a', '/files/1'), size: fc.nat(), contentType: fc.constantFrom('application/pdf') }, { requiredKeys: ['name', 'url'] })
    default:
      return undefined
  }
}

/** Values the field must refuse, whatever else the body holds. */
export function invalidValue(field: FieldMeta, world: World): fc.Arbitrary<unknown> {
  if (field.readOnly) return fc.constantFrom<unknown>(null, 'x', 1, '2026-01-01T00:00:00Z', '00000000-0000-4000-8000-000000000000')
  const common: fc.Arbitrary<unknown>[] = [junkObject, junkArray]
  if (field.required) common.push(fc.constantFrom<unknown>(null, ''))
  if (!NUMERIC_TYPES.has(field.type) && field.type !== 'boolean') common.push(fc.constantFrom<unknown>(0, 42, -1.5, 1e21, true, false))
  if (NUMERIC_TYPES.has(field.type)) common.push(fc.constantFrom<unknown>(true, false))
  const specific = ((): unknown[] => {
    const max = field.maxLength ?? DEFAULT_MAX_LENGTH[field.type]
    switch (field.type) {
      case 'text':
      case 'long_text':
      case 'rich_text':
        return ['x'.repeat(max + 1)]
      case 'email':
        return ['not-an-email', 'a@b', '@example.com', 'a b@example.com', 'a@@example.com', '张伟@', 'a@example.com.', `${'x'.repeat(250)}@example.com`]
      case 'phone':
        return ['12345678901', '10012345678', '+86 120 1234 5678', '+86-11012345678', '1234', 'call me', '１３８１２３４５６７８', '1'.repeat(23), '1'.repeat(41)]
      case 'url':
        return ['javascript:alert(1)', 'ftp://example.com', 'localhost', 'http://', 'https://exa mple.com', 'mailto:a@example.com']
      case 'number':
      case 'percent': {
        const scale = field.scale ?? (field.type === 'percent' ? 2 : 4)
        return [
          'NaN', 'Infinity', '-Infinity', '1e5', '0x1F', '1,000', '١٢٣', '12.34.5', ' ', 'abc', '+5', '.5', '5.', 1e16, 1e21, '1'.repeat(16),
          scale === 0 ? '1.5' : `1.${'1'.repeat(scale + 1)}`,
          ...(field.min !== undefined ? [field.min - 1] : []),
          ...(field.max !== undefined ? [field.max + 1] : []),
        ]
      }
      case 'currency':
        return [
          { amount: '1.234' }, { amount: 'abc' }, { amount: 'NaN' }, { amount: '1', currency: 'XXX' }, { amount: '1', currency: 'cny' },
          { amount: '1', currency: 1 }, { amount: '1', fee: 2 }, {}, { amount: null }, { currency: 'CNY' }, 1.005, '12.345', 'abc',
          { amount: 1e16 }, { amount: '1e3' }, { amount: '99999999999999999.00' }, { amount: { amount: '1' } }, { amount: ['1'] },
        ]
      case 'rating':
        return [(field.max ?? 5) + 1, -1, 2.5, '3', 'five', 1e10]
      case 'date':
        return ['2026-02-30', '2026-13-01', '2026-1-1', '20260101', '2026-02-29', '0000-01-01', '2026-02-28T00:00:00Z', 'yesterday', '2026/02/01', '2026-02-28 ', '+2026-01-01']
      case 'datetime':
        return ['2026-02-30T10:00:00Z', '2026-03-01T25:00:00Z', '2026-03-01T10:00:00', '2026-03-01', 'now', '2026-03-01T10:00:00+25:00', '2026-03-01T10:60:00Z', '9999-12-31T23:59:59-14:00', '2026-03-01 10:00:00Z', '-010000-01-01T00:00:00Z']
      case 'boolean':
        return ['true', 'false', 1, 0, 'yes', {}, [true]]
      case 'single_select': {
        const first = optionsOf(field)[0] ?? 'x'
        return ['platinum', first.toUpperCase() === first ? `${first}!` : first.toUpperCase(), `${first} `, 1, { value: first }, [first]]
      }
      case 'multi_select': {
        const first = optionsOf(field)[0] ?? 'x'
        return [first, ['nope'], [first, 'nope'], [1], { [first]: true }]
      }
      case 'relation':
      case 'user': {
        const syntactic: unknown[] = [...MALFORMED_IDS, 123]
        if (field.target === '*') return syntactic
        const target = field.type === 'user' ? 'users' : field.target!
        const otherObjects = Object.keys(world.live).filter((name) => name !== target).flatMap((name) => world.live[name].slice(0, 1))
        const absent = [...world.foreign, ...world.deleted, ...otherObjects, '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff']
        if (field.relationKind === 'many_to_many') return ['not-a-list', idsOf(world, target)[0] ?? 'x', ...syntactic.map((id) => [id]), ...absent.map((id) => [id]), [...idsOf(world, target).slice(0, 1), absent[0]]]
        return [...syntactic, ...absent, [idsOf(world, target)[0]]]
      }
      case 'address':
        return ['Shanghai', { city: 1 }, { planet: 'Mars' }, { city: 'x'.repeat(201) }, { city: { a: 1 } }, { city: ['杭州'] }]
      case 'file':
        return ['a.pdf', { url: 'x' }, { name: '', url: 'x' }, { name: 'a', url: 'x', size: -1 }, { name: 'a', url: 5 }, { name: 'a'.repeat(256), url: 'x' }, { name: 'a', url: 'x', contentType: 1 }]
      case 'auto_number':
        return [1, '1', 'x']
      default:
        return []
    }
  })()
  return fc.oneof(...common, ...(specific.length > 0 ? [fc.constantFrom(...specific)] : []))
}

const absentUuidValue = '2d8a8f3e-5b1c-4c9e-9f61-3b7a2c1d0e4f'

/** Values that may be accepted or refused, but never break the server. */
export function uncertainValue(field: FieldMeta, world: World): fc.Arbitrary<unknown> {
  const extra: unknown[] = field.required ? [] : [null, '', []]
  switch (field.type) {
    case 'number':
    case 'percent':
    case 'currency':
    case 'rating':
      extra.push(0, -0, 1e-7, 999999999999999.9, 999999999999999, Number.MAX_SAFE_INTEGER, '-0', ' 12 ', '000001', '-0.00')
      break
    case 'date':
      extra.push('9999-12-31', '1000-01-01', '0100-01-01', '1900-02-29', '2000-02-29')
      break
    case 'datetime':
      extra.push('2026-03-01T24:00:00Z', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999999Z', '2026-03-01T10:00+0800', '1970-01-01T00:00:00.000001-00:00')
      break
    case 'relation':
    case 'user': {
      const ids = idsOf(world, field.type === 'user' ? 'users' : field.target)
      extra.push(...ids.slice(0, 1).map((id) => id.toUpperCase()), absentUuidValue)
      if (field.target === '*') extra.push(...Object.values(world.live).flat().slice(0, 3))
      break
    }
    case 'multi_select':
      extra.push([...optionsOf(field), ...optionsOf(field)])
      break
    default:
      break
  }
  return fc.oneof(anyString, ...(extra.length > 0 ? [fc.constantFrom(...extra)] : []))
}
