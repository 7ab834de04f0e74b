import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, testEngines } from '../test-support/test-database.ts'
import type { Database } from './database.ts'
import { parseTimestamptz, pgParseTimestamptz as parseDefault } from './type-parsers.ts'

const same = (text: string) => {
  const expected = parseDefault(text)
  const actual = parseTimestamptz(text)
  return expected instanceof Date && actual instanceof Date ? actual.getTime() === expected.getTime() || (Number.isNaN(actual.getTime()) && Number.isNaN(expected.getTime())) : actual === expected
}

function seeded(seed: number) {
  let state = seed
  return (below: number) => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state % below
  }
}

describe('reading timestamptz text', () => {
  it('gives the instant pg’s own parser gives, for every shape PostgreSQL writes', () => {
    const random = seeded(42)
    const pad = (value: number, width: number) => String(value).padStart(width, '0')
    const texts: string[] = []
    for (let i = 0; i < 20_000; i++) {
      const date = `${pad(random(12000), 4)}-${pad(1 + random(12), 2)}-${pad(1 + random(31), 2)}`
      const time = `${pad(random(24), 2)}:${pad(random(60), 2)}:${pad(random(60), 2)}`
      const fraction = random(3) === 0 ? '' : `.${pad(random(1_000_000), 6).slice(0, 1 + random(6))}`
      const hours = `${random(2) ? '+' : '-'}${pad(random(15), 2)}`
      const offset = [hours, `${hours}:${pad(random(60), 2)}`, `${hours}:${pad(random(60), 2)}:${pad(random(60), 2)}`, '+00'][random(4)]
      texts.push(`${date} ${time}${fraction}${offset}${random(50) === 0 ? ' BC' : ''}`)
    }
    texts.push('infinity', '-infinity', '2026-11-23 03:10:56+00', '0099-01-01 00:00:00+00', '10000-01-01 00:00:00+00', '1969-12-31 23:59:59.9995+00', '2026-02-30 12:00:00+08', '2026-11-23 03:10:56.123456+05:45', '1900-01-01 00:00:00+08:05:43')
    const differing = texts.filter((text) => !same(text))
    expect(differing).toEqual([])
    expect(parseTimestamptz('2026-11-23 03:10:56.5+00')).toEqual(new Date('2026-11-23T03:10:56.500Z'))
    expect(parseTimestamptz('2026-11-23 11:10:56.5+08')).toEqual(new Date('2026-11-23T03:10:56.500Z'))
  })
})

describe.each(testEngines)('timestamptz rows on %s', (engine) => {
  let database: Database
  beforeAll(async () => {
    database = await openTestDatabase(engine, { migrate: false })
  })
  afterAll(async () => {
    await database?.close()
  })

  it('come back as the instants stored, whatever the session’s time zone', async () => {
    const instants = ['2026-11-23T03:10:56.123456Z', '1900-01-01T00:00:00Z', '1969-12-31T23:59:59.999Z', '2026-03-08T07:00:00Z', '0500-06-01T12:00:00Z', '9999-12-31T23:59:59.999Z']
    for (const zone of ['UTC', 'Asia/Shanghai', 'Asia/Kathmandu', 'America/New_York', 'Australia/Lord_Howe']) {
      const rows = await database.db.transaction().execute(async (trx) => {
        await sql`select set_config('TimeZone', ${zone}, true)`.execute(trx)
        return (await sql<{ at: Date; text: string }>`select value::timestamptz as at, value::timestamptz::text as text from unnest(${instants}::text[]) as value`.execute(trx)).rows
      })
      rows.forEach((row, index) => {
        expect(row.at).toBeInstanceOf(Date)
        const expected = parseDefault(row.text)
        expect(row.at.getTime(), `${row.text} in ${zone}`).toBe(expected instanceof Date ? expected.getTime() : Number.NaN)
        expect(row.at.getTime()).toBe(Math.floor(Date.parse(instants[index])))
      })
    }
  })
})
