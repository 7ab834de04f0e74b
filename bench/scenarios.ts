import { monitorEventLoopDelay } from 'node:perf_hooks'
import { CompiledQuery } from 'kysely'
import qs from 'qs'
import { callerCache } from '../server/src/auth/caller-cache.ts'
import { callerFromSession, loadActor, sessionCacheKey } from '../server/src/auth/load-actor.ts'
import { listRecords, type ListOptions } from '../server/src/records/list-records.ts'
import type { RecordContext } from '../server/src/records/record-context.ts'
import { searchAll } from '../server/src/search/global-search.ts'
import { buildSearchQuery } from '../server/src/search/search-document.ts'
import { capturingDb } from './capture.ts'
import type { BenchEngine } from './engines.ts'
import type { HttpClient } from './http-client.ts'
import type { HttpFloor } from './http-floor.ts'
import type { LoadedWorkspace } from './load.ts'
import { summarize, type Summary } from './stats.ts'

export const PAGE_SIZE = 50

export interface CapturedQuery {
  sql: string
  parameters: unknown[]
}

const toCaptured = (query: CompiledQuery): CapturedQuery => ({ sql: query.sql, parameters: [...query.parameters] })

/** EXPLAIN (ANALYZE, BUFFERS) of a captured query, run on the raw path. */
export async function explainAnalyze(bench: BenchEngine, query: CapturedQuery): Promise<string> {
  const rows = await bench.raw(`explain (analyze, buffers) ${query.sql}`, query.parameters)
  return rows.map((row) => String(row['QUERY PLAN'])).join('\n')
}

async function timeRaw(bench: BenchEngine, queries: CapturedQuery[]): Promise<number> {
  const start = performance.now()
  for (const query of queries) await bench.raw(query.sql, query.parameters)
  return performance.now() - start
}

// ---------------------------------------------------------------- lists

export interface ListSpec {
  name: string
  /** Who asks: the administrator (scope all) or the first rep (scope own). */
  as: 'admin' | 'rep'
  filter: Record<string, Record<string, string>>
  sort: string
  /** Cursor pages 2..N+1 instead of the first page. */
  walkPages?: number
}

export interface ListResult {
  name: string
  as: string
  path: string
  /** Pages measured (1 = first page only). */
  pages: number
  /** Rows on the first measured page (50 unless the data is tiny). */
  rowsPerPage: number
  /** SQL statements listRecords sends for one page. */
  queriesPerPage: number
  http: Summary
  inProcess: Summary
  raw: Summary
  ratioP50: number
  ratioP95: number
  /** The same pages from a bare HTTP server whose database builds the JSON (bench/http-floor.ts); only for one-statement pages. */
  floor?: Summary
  floorRatioP50?: number
  sql: CapturedQuery[]
  plan: string
}

export interface Actors {
  admin: { client: HttpClient; ctx: RecordContext }
  rep: { client: HttpClient; ctx: RecordContext }
}

export async function actorsOf(workspace: LoadedWorkspace, admin: HttpClient, rep: HttpClient): Promise<Actors> {
  const repCaller = await loadActor(workspace.ctx.db, workspace.workspaceId, workspace.reps[0].id, 'zh-CN')
  if (!repCaller) throw new Error('rep not found')
  return {
    admin: { client: admin, ctx: workspace.ctx },
    rep: { client: rep, ctx: { ...workspace.ctx, actor: repCaller.actor } },
  }
}

const listPath = (options: ListOptions) =>
  `/api/v1/contacts?${qs.stringify({ filter: options.filter, sort: options.sort, limit: options.limit, ...(options.cursor && { cursor: options.cursor }) }, { encodeValuesOnly: true })}`

interface Page {
  options: ListOptions
  path: string
  queries: CapturedQuery[]
  rows: number
  floorPath?: string
}

/** HTTP, in-process listRecords() and the captured SQL, interleaved, on the same pages. */
export async function measureList(bench: BenchEngine, actors: Actors, spec: ListSpec, iterations: number, warmup: number, floor?: HttpFloor): Promise<ListResult> {
  const { client, ctx } = actors[spec.as]
  const contacts = ctx.catalog.get('contacts')
  const first: ListOptions = { filter: spec.filter, sort: spec.sort, limit: PAGE_SIZE }
  let optionsList: ListOptions[] = [first]
  if (spec.walkPages) {
    // Walk the pages through HTTP (full pages, no record twice), then measure pages 2..N+1.
    const walked: ListOptions[] = []
    const seen = new Set<string>()
    let cursor: string | null = null
    for (let page = 0; page <= spec.walkPages; page++) {
      const options: ListOptions = { ...first, ...(cursor && { cursor }) }
      const response = await client.ok<{ data: Array<{ id: string }>; next_cursor: string | null }>(listPath(options))
      for (const record of response.body.data) {
        if (seen.has(record.id)) throw new Error(`${spec.name}: record ${record.id} on two pages`)
        seen.add(record.id)
      }
      cursor = response.body.next_cursor
      if (cursor && response.body.data.length !== PAGE_SIZE) throw new Error(`${spec.name}: page ${page + 1} has ${response.body.data.length} rows and a next page`)
      if (page > 0) walked.push(options)
      if (!cursor) break
    }
    // Too little data for a second page (tiny --rows): measure the first page instead.
    if (walked.length > 0) optionsList = walked
  }
  const pages: Page[] = []
  for (const options of optionsList) {
    const capture = capturingDb(bench.database.db)
    const page = await listRecords({ ...ctx, db: capture.db }, contacts, options)
    const queries = capture.queries.map(toCaptured)
    pages.push({ options, path: listPath(options), queries, rows: page.data.length, floorPath: floor && queries.length === 1 ? floor.pathFor(queries[0], page.data.length) : undefined })
  }
  const measureFloor = floor !== undefined && pages.every((page) => page.floorPath)
  const http: number[] = []
  const inProcess: number[] = []
  const raw: number[] = []
  const floorTimes: number[] = []
  for (let i = -warmup; i < iterations; i++) {
    const page = pages[(i + warmup) % pages.length]
    const runs: Array<() => Promise<void>> = [
      async () => {
        const start = performance.now()
        const response = await client.ok<{ data: unknown[] }>(page.path)
        const ms = performance.now() - start
        if (response.body.data.length !== page.rows) throw new Error(`${spec.name}: HTTP page has ${response.body.data.length} rows, listRecords ${page.rows}`)
        if (i >= 0) http.push(ms)
      },
      async () => {
        const start = performance.now()
        await listRecords(ctx, contacts, page.options)
        if (i >= 0) inProcess.push(performance.now() - start)
      },
      async () => {
        const ms = await timeRaw(bench, page.queries)
        if (i >= 0) raw.push(ms)
      },
    ]
    if (measureFloor) {
      runs.push(async () => {
        const start = performance.now()
        const response = await floor.client.ok<{ data: unknown[] }>(page.floorPath!)
        const ms = performance.now() - start
        if (response.body.data.length !== page.rows) throw new Error(`${spec.name}: floor page has ${response.body.data.length} rows, listRecords ${page.rows}`)
        if (i >= 0) floorTimes.push(ms)
      })
    }
    // Rotate the order so none of the three always runs on the others' warm cache.
    for (let k = 0; k < runs.length; k++) await runs[(k + i + warmup) % runs.length]()
  }
  const httpSummary = summarize(http)
  const rawSummary = summarize(raw)
  const floorSummary = measureFloor ? summarize(floorTimes) : undefined
  const firstPage = pages[0]
  return {
    name: spec.name,
    as: spec.as,
    path: firstPage.path,
    pages: pages.length,
    rowsPerPage: firstPage.rows,
    queriesPerPage: firstPage.queries.length,
    http: httpSummary,
    inProcess: summarize(inProcess),
    raw: rawSummary,
    ratioP50: httpSummary.p50 / rawSummary.p50,
    ratioP95: httpSummary.p95 / rawSummary.p95,
    ...(floorSummary && { floor: floorSummary, floorRatioP50: floorSummary.p50 / rawSummary.p50 }),
    sql: firstPage.queries,
    plan: (await Promise.all(firstPage.queries.map((query) => explainAnalyze(bench, query)))).join('\n---\n'),
  }
}

export interface OverheadResult {
  /** GET /api/health: HTTP round trip plus `select 1`, no session. */
  health: Summary
  /** The session and actor lookups every authenticated request makes, as raw SQL. */
  authQueries: Summary
  authSql: CapturedQuery[]
  /** Whether the server remembers the caller between requests (then most requests skip authSql). */
  authCached: boolean
  /** `select 1` on the raw path: one round trip to the engine. */
  roundTrip: Summary
}

/** Fixed costs every API request pays, to split the API/raw gap. */
export async function measureOverhead(bench: BenchEngine, workspace: LoadedWorkspace, client: HttpClient, iterations: number, warmup: number): Promise<OverheadResult> {
  // Forget the cached caller so the lookup's SQL is seen, then ask again: no SQL means the server caches it.
  callerCache.forget(sessionCacheKey(client.sessionToken))
  const capture = capturingDb(bench.database.db)
  const caller = await callerFromSession(capture.db, client.sessionToken, 'zh-CN', new Date())
  if (caller?.actor.userId !== workspace.adminId) throw new Error('session lookup did not find the administrator')
  const authSql = capture.queries.map(toCaptured)
  const again = capturingDb(bench.database.db)
  await callerFromSession(again.db, client.sessionToken, 'zh-CN', new Date())
  const authCached = again.queries.length === 0
  const health = summarize(await sampleLoop(iterations, warmup, () => client.ok('/api/health')))
  const authQueries = summarize(await sampleLoop(iterations, warmup, () => timeRaw(bench, authSql)))
  const roundTrip = summarize(await sampleLoop(iterations, warmup, () => bench.raw('select 1', [])))
  return { health, authQueries, authSql, authCached, roundTrip }
}

async function sampleLoop(iterations: number, warmup: number, fn: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = []
  for (let i = -warmup; i < iterations; i++) {
    const start = performance.now()
    await fn()
    if (i >= 0) samples.push(performance.now() - start)
  }
  return samples
}

// ---------------------------------------------------------------- search

export interface SearchResult {
  q: string
  tokens: string[]
  contactHits: number
  http: Summary
  /** All the per-object queries of one search, run raw back to back. */
  raw: Summary
  perQuery: Array<{ table: string; p50: number; p95: number }>
  sql: CapturedQuery[]
  /** EXPLAIN ANALYZE of the slowest query (by raw p95). */
  slowestPlan: string
}

/** The table a captured search query reads, or how many it unites. */
const tableOf = (query: CapturedQuery) => {
  const tables = new Set([...query.sql.matchAll(/from "([a-z_]+)"/g)].map((match) => match[1]))
  return tables.size > 1 ? `${tables.size} tables in one statement` : [...tables][0] ?? '?'
}

export async function measureSearch(bench: BenchEngine, actors: Actors, q: string, iterations: number, warmup: number): Promise<SearchResult> {
  const { client, ctx } = actors.admin
  const capture = capturingDb(bench.database.db)
  const groups = await searchAll({ ...ctx, db: capture.db }, q, { locale: 'zh-CN' })
  const contactHits = groups.find((group) => group.object === 'contacts')?.records.length ?? 0
  if (contactHits === 0) throw new Error(`search "${q}" found no contacts`)
  const queries = capture.queries.map(toCaptured)
  const path = `/api/v1/search?q=${encodeURIComponent(q)}`
  const http: number[] = []
  const raw: number[] = []
  const perQuery = queries.map(() => [] as number[])
  for (let i = -warmup; i < iterations; i++) {
    const steps: Array<() => Promise<void>> = [
      async () => {
        const response = await client.ok<{ data: Array<{ object: string }> }>(path)
        if (!response.body.data.some((group) => group.object === 'contacts')) throw new Error(`search "${q}" over HTTP found no contacts`)
        if (i >= 0) http.push(response.ms)
      },
      async () => {
        let total = 0
        for (const [index, query] of queries.entries()) {
          const ms = await timeRaw(bench, [query])
          total += ms
          if (i >= 0) perQuery[index].push(ms)
        }
        if (i >= 0) raw.push(total)
      },
    ]
    for (let k = 0; k < steps.length; k++) await steps[(k + i + warmup) % steps.length]()
  }
  const perQuerySummary = queries.map((query, index) => ({ table: tableOf(query), ...summarize(perQuery[index]) }))
  const slowest = perQuerySummary.reduce((best, entry, index) => (entry.p95 > perQuerySummary[best].p95 ? index : best), 0)
  return {
    q,
    tokens: buildSearchQuery(q)?.tokens ?? [],
    contactHits,
    http: summarize(http),
    raw: summarize(raw),
    perQuery: perQuerySummary.map(({ table, p50, p95 }) => ({ table, p50, p95 })),
    sql: queries,
    slowestPlan: await explainAnalyze(bench, queries[slowest]),
  }
}

// ---------------------------------------------------------------- event loop

export interface StallResult {
  /** Rows the group-by reads: the contacts repeated `copies` times. */
  aggregatedRows: number
  copies: number
  groups: number
  queryMs: number
  /** Longest lateness of a 5 ms timer on the main thread while the query ran. */
  maxStallMs: number
  /** perf_hooks monitorEventLoopDelay max over the same time. */
  histogramMaxMs: number
  /** GET /api/health sent every 25 ms during the query: the slowest answer. */
  healthMaxMs: number
  healthRequests: number
  sql: CapturedQuery
}

export const STALL_ROWS = 1_000_000

/** A group-by over ≥1M rows through the server's database while the main thread's timers are watched. */
export async function measureStall(bench: BenchEngine, workspace: LoadedWorkspace, contactRows: number, probe: HttpClient): Promise<StallResult> {
  const copies = Math.max(1, Math.ceil(STALL_ROWS / Math.max(1, contactRows)))
  const query: CapturedQuery = {
    sql: `select c.city, c.lifecycle_stage, count(*)::bigint as n, count(c.email)::bigint as emails,
        count(distinct c.owner_id)::bigint as owners, min(c.name) as first_name, max(c.birthday) as latest_birthday
      from contacts c cross join generate_series(1, $2::int) as copy(n)
      where c.workspace_id = $1 and c.deleted_at is null
      group by 1, 2 order by 3 desc`,
    parameters: [workspace.workspaceId, copies],
  }
  const histogram = monitorEventLoopDelay({ resolution: 1 })
  let maxStall = 0
  let last = performance.now()
  const timer = setInterval(() => {
    const now = performance.now()
    maxStall = Math.max(maxStall, now - last - 5)
    last = now
  }, 5)
  histogram.enable()
  let running = true
  let healthMax = 0
  let healthRequests = 0
  const probing = (async () => {
    while (running) {
      const response = await probe.ok('/api/health')
      healthMax = Math.max(healthMax, response.ms)
      healthRequests++
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  })()
  const start = performance.now()
  let result: { rows: unknown[] }
  try {
    result = await bench.database.db.executeQuery(CompiledQuery.raw(query.sql, query.parameters))
  } finally {
    running = false
  }
  const queryMs = performance.now() - start
  await probing
  clearInterval(timer)
  histogram.disable()
  return {
    aggregatedRows: contactRows * copies,
    copies,
    groups: result.rows.length,
    queryMs,
    maxStallMs: maxStall,
    histogramMaxMs: histogram.max / 1e6,
    healthMaxMs: healthMax,
    healthRequests,
    sql: query,
  }
}
