import type { KyselyPlugin } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/database.ts'
import { generateContactValues } from '../demo/demo-dataset.ts'
import { testEngines } from '../test-support/test-database.ts'
import { openTestWorkspace } from '../test-support/test-workspace.ts'
import { listRecords } from './list-records.ts'
import type { RecordContext } from './record-context.ts'
import { createRecords } from './write-pipeline.ts'

/** Counts the statements sent through the db it is plugged into. */
function statementCounter() {
  const counter = { statements: 0, plugin: {} as KyselyPlugin }
  counter.plugin = {
    transformQuery: (args) => {
      counter.statements++
      return args.node
    },
    transformResult: async (args) => args.result,
  }
  return counter
}

describe.each(testEngines)('listing by a column that is never empty on %s', (engine) => {
  let database: Database
  let ctx: RecordContext
  const count = 130

  beforeAll(async () => {
    const opened = await openTestWorkspace(engine, 'Lists')
    database = opened.database
    ctx = opened.ctx
    // One at a time, so creation times differ; every third has no city.
    for (const [index, values] of [...generateContactValues(count, 3)].entries()) {
      await createRecords(ctx, ctx.catalog.get('contacts'), [{ ...values, city: index % 3 === 0 ? null : values.city }])
    }
  })
  afterAll(async () => {
    await database?.close()
  })

  async function walk(sort: string) {
    const counter = statementCounter()
    const counted = { ...ctx, db: database.db.withPlugin(counter.plugin) }
    const ids: string[] = []
    const statementsPerPage: number[] = []
    let cursor: string | undefined
    do {
      const before = counter.statements
      const page = await listRecords(counted, ctx.catalog.get('contacts'), { sort, limit: 50, cursor })
      statementsPerPage.push(counter.statements - before)
      ids.push(...page.data.map((record) => record.id))
      cursor = page.next_cursor ?? undefined
    } while (cursor)
    return { ids, statementsPerPage }
  }

  it('reads newest first with one statement per page, every record once', async () => {
    const { ids, statementsPerPage } = await walk('-created_at')
    expect(statementsPerPage).toEqual([1, 1, 1])
    const all = await listRecords(ctx, ctx.catalog.get('contacts'), { sort: 'id', limit: 200 })
    expect(new Set(ids)).toEqual(new Set(all.data.map((record) => record.id)))
    expect(ids).toHaveLength(count)
    // v7 ids grow with creation time, and the records were created one after another.
    expect(ids).toEqual([...ids].sort().reverse())
  })

  it('still reads the empty values of a column that can be empty, after the others', async () => {
    const { ids, statementsPerPage } = await walk('city')
    expect(ids).toHaveLength(count)
    expect(new Set(ids).size).toBe(count)
    // The page where the cities end asks for the records without one as well.
    expect(statementsPerPage.some((statements) => statements === 2)).toBe(true)
  })
})
