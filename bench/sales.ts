/**
 * Sales analytics phase of the bench: N opportunities (--rows) with a realistic spread of stage,
 * amount, currency, owner, creation and close dates, loaded set-based (INSERT … SELECT over
 * generate_series, not the write pipeline: the phase measures the reports, not the load), then
 * GET /api/v1/sales/funnel and /forecast through HTTP next to the same SQL run raw. The reports read
 * the opportunity rollups, which the insert's statement triggers fill as a user's writes would.
 */
import { sql, type Compilable } from 'kysely'
import { loadActor } from '../server/src/auth/load-actor.ts'
import { compileObject } from '../server/src/metadata/object-catalog.ts'
import { opportunity } from '../server/src/metadata/objects/opportunity.ts'
import { rollupTable } from '../server/src/metadata/rollup-schema.ts'
import { defaultPipelineId } from '../server/src/pipelines/pipeline-stages.ts'
import type { RecordContext } from '../server/src/records/record-context.ts'
import { readForecastParams, readFunnelParams } from '../server/src/sales-analytics/analytics-params.ts'
import { forecastQuery } from '../server/src/sales-analytics/forecast-query.ts'
import { funnelQuery } from '../server/src/sales-analytics/funnel-query.ts'
import type { BenchEngine } from './engines.ts'
import type { HttpClient } from './http-client.ts'
import type { LoadedWorkspace } from './load.ts'
import { canonicalRows, forecastScanQuery, funnelScanQuery } from './sales-scan.ts'
import { explainAnalyze, type CapturedQuery } from './scenarios.ts'
import { sample, summarize, type Summary } from './stats.ts'

export const SALES_TARGET_P95_MS = 200
export const SALES_TARGET_RATIO = 1.3
const CHUNK = 100_000

export interface SalesCase {
  name: string
  path: string
  http: Summary
  /** The same report as one SQL over the opportunities table, run raw: the ratio's denominator. */
  raw: Summary
  ratioP50: number
  ratioP95: number
  /** The API's own SQL over the rollup, run raw: HTTP minus this is the request's fixed cost. */
  rollupRaw: Summary
  sql: CapturedQuery
  scanSql: CapturedQuery
  plan?: string
}

export interface SalesResult {
  rows: number
  loadSeconds: number
  /** Rows of each rollup table the reports read instead of the opportunities. */
  rollupRows: Record<string, number>
  cases: SalesCase[]
}

/**
 * Opportunities of the default pipeline, owners round-robin, created over the last two years:
 * 20 % initial contact, 20 % needs analysis, 18 % proposal, 12 % negotiation, 18 % won, 12 % lost;
 * one in ten in USD; closed ones closed 1–90 days after creation; open ones expected within
 * −30…+210 days. The columns the hooks keep (forecast category, close time, furthest stage) are filled alike.
 */
async function loadOpportunities(bench: BenchEngine, workspace: LoadedWorkspace, rows: number): Promise<number> {
  const started = performance.now()
  const db = bench.database.db
  const pipelineId = await defaultPipelineId(db, workspace.workspaceId)
  const owners = workspace.ownerIds
  for (let first = 1; first <= rows; first += CHUNK) {
    const last = Math.min(rows, first + CHUNK - 1)
    await sql`
      insert into opportunities (workspace_id, id, owner_id, created_at, updated_at, created_by, updated_by, name, amount, amount_currency,
        pipeline_id, stage, probability, expected_close_date, forecast_category, closed_at, furthest_stage, search_text)
      select ${workspace.workspaceId}::uuid, gen_random_uuid(), (${owners}::uuid[])[1 + g % ${owners.length}], created, created,
        ${workspace.adminId}::uuid, ${workspace.adminId}::uuid, '商机 ' || g, amount, currency, ${pipelineId}::uuid, stage,
        case stage when 'initial_contact' then 10 when 'needs_analysis' then 25 when 'proposal' then 50 when 'negotiation' then 75 when 'won' then 100 else 0 end,
        case when stage in ('won', 'lost') then (created + (1 + g % 90) * interval '1 day')::date else (now() + ((g * 13) % 240 - 30) * interval '1 day')::date end,
        case stage when 'won' then 'closed' when 'lost' then 'omitted' else (array['pipeline', 'pipeline', 'pipeline', 'best_case', 'commit'])[1 + (g * 17) % 5] end,
        case when stage in ('won', 'lost') then created + (1 + g % 90) * interval '1 day' end,
        case when stage = 'won' then 'negotiation' when stage = 'lost' then (array['initial_contact', 'needs_analysis', 'proposal', 'negotiation'])[1 + (g * 7) % 4] else stage end,
        '商机 ' || g
      from (
        select g,
          now() - ((g * 104729) % 730) * interval '1 day' - (g % 86400) * interval '1 second' as created,
          (500 + ((g * 7907) % 199900000) / 100.0)::numeric(20, 2) as amount,
          case when g % 10 = 0 then 'USD' else 'CNY' end as currency,
          case when (g * 7919) % 100 < 20 then 'initial_contact' when (g * 7919) % 100 < 40 then 'needs_analysis'
            when (g * 7919) % 100 < 58 then 'proposal' when (g * 7919) % 100 < 70 then 'negotiation'
            when (g * 7919) % 100 < 88 then 'won' else 'lost' end as stage
        from generate_series(${first}::bigint, ${last}::bigint) as g
      ) spread`.execute(db)
  }
  // The state autovacuum keeps PostgreSQL in (PGlite never runs it): statistics and visibility maps.
  for (const table of ['opportunities', ...rollupTables()]) await sql`vacuum analyze ${sql.table(table)}`.execute(db)
  return (performance.now() - started) / 1000
}

/** The summary tables the reports read (kept by triggers during the load). */
function rollupTables(): string[] {
  const object = compileObject(opportunity)
  return (object.rollups ?? []).map((rollup) => rollupTable(object, rollup))
}

async function rollupRows(bench: BenchEngine): Promise<Record<string, number>> {
  const rows: Record<string, number> = {}
  for (const table of rollupTables()) {
    const counted = await sql<{ rows: string }>`select count(*) as rows from ${sql.table(table)}`.execute(bench.database.db)
    rows[table] = Number(counted.rows[0].rows)
  }
  return rows
}

interface Spec {
  name: string
  as: 'admin' | 'rep'
  path: string
  /** The SQL the API sends (over the rollup) and the same report over the opportunities. */
  query: (ctx: RecordContext) => Compilable<unknown>
  scan: (ctx: RecordContext) => Compilable<unknown>
}

function capture(query: Compilable<unknown>): CapturedQuery {
  const compiled = query.compile()
  return { sql: compiled.sql, parameters: [...compiled.parameters] }
}

/** Checks the rollup gives the scan's answer, then times HTTP, the scan and the rollup SQL. */
async function measureCase(bench: BenchEngine, spec: Spec, client: HttpClient, ctx: RecordContext, iterations: number, warmup: number): Promise<SalesCase> {
  const captured = capture(spec.query(ctx))
  const scanned = capture(spec.scan(ctx))
  const [fromRollup, fromScan] = await Promise.all([bench.raw(captured.sql, captured.parameters), bench.raw(scanned.sql, scanned.parameters)])
  if (canonicalRows(fromRollup) !== canonicalRows(fromScan)) throw new Error(`${spec.name}: the rollup's answer differs from a scan of the opportunities`)
  const http = summarize(await sample(iterations, warmup, () => client.ok(spec.path)))
  const raw = summarize(await sample(Math.max(5, Math.round(iterations / 5)), Math.min(warmup, 2), () => bench.raw(scanned.sql, scanned.parameters)))
  const rollupRaw = summarize(await sample(iterations, warmup, () => bench.raw(captured.sql, captured.parameters)))
  const result: SalesCase = { name: spec.name, path: spec.path, http, raw, ratioP50: http.p50 / raw.p50, ratioP95: http.p95 / raw.p95, rollupRaw, sql: captured, scanSql: scanned }
  if (http.p95 > SALES_TARGET_P95_MS || result.ratioP50 > SALES_TARGET_RATIO) result.plan = await explainAnalyze(bench, captured)
  return result
}

/** Loads the opportunities, checks the reports count them all and match a scan, then times each case. */
export async function measureSales(
  bench: BenchEngine, workspace: LoadedWorkspace, admin: HttpClient, rep: HttpClient, rows: number, iterations: number, warmup: number,
): Promise<SalesResult> {
  const loadSeconds = await loadOpportunities(bench, workspace, rows)
  const repCaller = await loadActor(workspace.ctx.db, workspace.workspaceId, workspace.reps[0].id, 'zh-CN')
  if (!repCaller) throw new Error('rep not found')
  const ctxOf = { admin: workspace.ctx, rep: { ...workspace.ctx, actor: repCaller.actor } }
  const pipelineId = (await defaultPipelineId(workspace.ctx.db, workspace.workspaceId))!
  const year = new Date().getFullYear()
  const funnel = (query: Record<string, string>) => ({
    query: (ctx: RecordContext) => funnelQuery(ctx, { ...readFunnelParams(query), pipelineId }),
    scan: (ctx: RecordContext) => funnelScanQuery(ctx, { ...readFunnelParams(query), pipelineId }),
  })
  const forecast = (query: Record<string, string>) => ({
    query: (ctx: RecordContext) => forecastQuery(ctx, readForecastParams(query, new Date())),
    scan: (ctx: RecordContext) => forecastScanQuery(ctx, readForecastParams(query, new Date())),
  })
  const thisYear = { from: `${year}-01-01`, to: `${year}-12-31` }
  const lastHundredDays = { from: new Date(Date.now() - 100 * 86_400_000).toISOString().slice(0, 10), to: new Date().toISOString().slice(0, 10) }
  const quarterStart = new Date(Date.UTC(year, Math.floor(new Date().getMonth() / 3) * 3, 1))
  const thisQuarter = { from: quarterStart.toISOString().slice(0, 10), to: new Date(Date.UTC(year, quarterStart.getUTCMonth() + 3, 0)).toISOString().slice(0, 10) }
  const specs: Spec[] = [
    { name: 'funnel, all time', as: 'admin', path: '/api/v1/sales/funnel', ...funnel({}) },
    { name: 'funnel, this quarter', as: 'admin', path: `/api/v1/sales/funnel?from=${thisQuarter.from}&to=${thisQuarter.to}`, ...funnel(thisQuarter) },
    { name: 'funnel, this year', as: 'admin', path: `/api/v1/sales/funnel?from=${thisYear.from}&to=${thisYear.to}`, ...funnel(thisYear) },
    { name: 'funnel, last 100 days', as: 'admin', path: `/api/v1/sales/funnel?from=${lastHundredDays.from}&to=${lastHundredDays.to}`, ...funnel(lastHundredDays) },
    { name: 'rep: own funnel, this year', as: 'rep', path: `/api/v1/sales/funnel?from=${thisYear.from}&to=${thisYear.to}`, ...funnel(thisYear) },
    { name: 'forecast by quarter and owner', as: 'admin', path: `/api/v1/sales/forecast?period=quarter&year=${year}`, ...forecast({ period: 'quarter', year: String(year) }) },
    { name: 'forecast by month and team', as: 'admin', path: `/api/v1/sales/forecast?period=month&year=${year}&group=team`, ...forecast({ period: 'month', year: String(year), group: 'team' }) },
    { name: 'rep: own forecast by quarter', as: 'rep', path: `/api/v1/sales/forecast?period=quarter&year=${year}`, ...forecast({ period: 'quarter', year: String(year) }) },
  ]
  const all = await admin.ok<{ total: { count: number } }>('/api/v1/sales/funnel')
  if (all.body.total.count !== rows) throw new Error(`the funnel counted ${all.body.total.count} opportunities, ${rows} were loaded`)
  const cases: SalesCase[] = []
  for (const spec of specs) cases.push(await measureCase(bench, spec, spec.as === 'admin' ? admin : rep, ctxOf[spec.as], iterations, warmup))
  return { rows, loadSeconds, rollupRows: await rollupRows(bench), cases }
}

export function formatSales(result: SalesResult): string {
  const pass = (ok: boolean) => (ok ? 'PASS' : 'MISS')
  const ms = (value: number) => value.toFixed(2)
  const rollups = Object.entries(result.rollupRows).map(([table, rows]) => `${table} ${rows.toLocaleString('en')} rows`).join(', ')
  const lines = [`    loaded ${result.rows.toLocaleString('en')} opportunities set-based in ${result.loadSeconds.toFixed(1)} s (incl. the rollup triggers and VACUUM ANALYZE); the reports read ${rollups}`]
  for (const item of result.cases) {
    lines.push(`    ${item.name}: HTTP p50 ${ms(item.http.p50)} / p95 ${ms(item.http.p95)} ms (target ≤ ${SALES_TARGET_P95_MS}) ${pass(item.http.p95 <= SALES_TARGET_P95_MS)}; ` +
      `raw SQL over the opportunities p50 ${ms(item.raw.p50)} / p95 ${ms(item.raw.p95)} ms; API/raw ${item.ratioP50.toFixed(2)} (p50, target ≤ ${SALES_TARGET_RATIO}) ${pass(item.ratioP50 <= SALES_TARGET_RATIO)}; ` +
      `the API's rollup SQL raw p50 ${ms(item.rollupRaw.p50)} ms (+${ms(item.http.p50 - item.rollupRaw.p50)} ms per request over HTTP)`)
    if (item.plan) lines.push(`      SQL: ${item.sql.sql}\n      ${item.plan.split('\n').join('\n      ')}`)
  }
  return lines.join('\n')
}
