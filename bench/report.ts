import os from 'node:os'
import type { Engine } from '../server/src/db/database.ts'
import { IMPORT_TARGET_COPY_RATIO, IMPORT_TARGET_ROWS_PER_SECOND, IMPORT_TARGET_RSS_MB, type ImportResult, type RawCopyResult } from './import.ts'
import type { TableStats } from './load.ts'
import { EXPORT_TARGET_ROWS_PER_SECOND, EXPORT_TARGET_RSS_MB, type ExportResult } from './export.ts'
import { SALES_TARGET_P95_MS, SALES_TARGET_RATIO, type SalesResult } from './sales.ts'
import type { ListResult, OverheadResult, SearchResult, StallResult } from './scenarios.ts'
import type { WebResult } from './web.ts'

/** The issue's targets: they live here, never in timed unit tests. */
export const TARGETS = {
  listP95Ms: { postgres: 50, pglite: 100 } as Record<Engine, number>,
  apiRawRatio: 1.3,
  searchP95Ms: 30,
  stallMs: 50,
  /** JavaScript (gzip) the browser downloads for the first screen after sign-in. */
  initialJsKb: 350,
  /** Navigation to /o/contacts → first row painted, p50 of reloads. */
  firstRowMs: 1000,
}

export interface Check {
  engine: Engine
  metric: string
  value: number
  target: number
  unit: string
  pass: boolean
}

export interface EngineReport {
  engine: Engine
  label: string
  serverVersion: string
  rows: number
  /** The contacts loaded by importing a CSV file, beside a raw COPY of the same file; then the table's sizes. */
  load: TableStats & { copy: RawCopyResult; imported: ImportResult }
  overhead: OverheadResult
  lists: ListResult[]
  searches: SearchResult[]
  /** The same searches after gin_clean_pending_list(): what the GIN pending list costs. */
  searchesAfterFlush: SearchResult[]
  /** Pending-list pages merged by gin_clean_pending_list() and how long it took. */
  pendingFlush: { pages: number; seconds: number }
  stall: StallResult
  /** Every contact as CSV through the export endpoint. */
  exported: ExportResult
  /** Funnel and forecast over as many opportunities as contacts. */
  sales: SalesResult
  /** The web app in headless Chromium against this engine's server (skipped without Chromium). */
  web: WebResult
  checks: Check[]
  /** Seconds per phase, for knowing where a run's time goes. */
  phases: Record<string, number>
  rawPath: string
  /** Bytes on disk after the load: databaseBytes; for PGlite also folderBytes and walBytes. */
  storage: Record<string, number>
  /** 1-minute load average before and after: other work on the machine skews every timing. */
  loadAverage: { before: number; after: number }
}

export const engineLabel = (engine: Engine) => (engine === 'pglite' ? 'PGlite' : 'PostgreSQL')

export function checksOf(engine: Engine, report: Pick<EngineReport, 'load' | 'lists' | 'searches' | 'stall' | 'web' | 'exported' | 'sales'>): Check[] {
  const { load, lists, searches, stall, web, exported, sales } = report
  const check = (metric: string, value: number, target: number, unit: string): Check => ({ engine, metric, value, target, unit, pass: value <= target })
  const atLeast = (metric: string, value: number, target: number, unit: string): Check => ({ engine, metric, value, target, unit, pass: value >= target })
  return [
    ...(engine === 'postgres' ? [atLeast('CSV import rate', load.imported.rowsPerSecond, IMPORT_TARGET_ROWS_PER_SECOND, 'rows/s')] : []),
    atLeast('CSV import / raw COPY', load.imported.rowsPerSecond / load.copy.rowsPerSecond, IMPORT_TARGET_COPY_RATIO, '×'),
    check('CSV import peak RSS above idle', load.imported.peakRssAboveIdleMb, IMPORT_TARGET_RSS_MB, 'MB'),
    ...lists.flatMap((list) => [
      check(`list "${list.name}" HTTP p95`, list.http.p95, TARGETS.listP95Ms[engine], 'ms'),
      check(`list "${list.name}" API/raw (p50)`, list.ratioP50, TARGETS.apiRawRatio, '×'),
    ]),
    ...searches.map((search) => check(`search "${search.q}" HTTP p95`, search.http.p95, TARGETS.searchP95Ms, 'ms')),
    atLeast('CSV export rate', exported.rowsPerSecond, EXPORT_TARGET_ROWS_PER_SECOND, 'rows/s'),
    check('CSV export peak RSS above idle', exported.peakRssAboveIdleMb, EXPORT_TARGET_RSS_MB, 'MB'),
    ...sales.cases.flatMap((item) => [
      check(`${item.name} HTTP p95`, item.http.p95, SALES_TARGET_P95_MS, 'ms'),
      check(`${item.name} API/raw (p50)`, item.ratioP50, SALES_TARGET_RATIO, '×'),
    ]),
    check('event loop max stall (1M-row group-by)', stall.maxStallMs, TARGETS.stallMs, 'ms'),
    ...webChecks(web, check),
  ]
}

/** A skipped browser run checks nothing; a list that never showed a row misses its target. */
function webChecks(web: WebResult, check: (metric: string, value: number, target: number, unit: string) => Check): Check[] {
  if (web.skipped) return []
  const checks: Check[] = []
  if (web.initialJs) checks.push(check('web initial JS (gzip)', web.initialJs.gzipBytes / 1024, TARGETS.initialJsKb, 'KB'))
  checks.push(check('web first contact row (p50 of reloads)', web.firstRow?.warm.p50 ?? Number.POSITIVE_INFINITY, TARGETS.firstRowMs, 'ms'))
  return checks
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

/** The web numbers in one line, printed as soon as they are measured. */
export function formatWebLine(web: WebResult): string {
  const js = web.initialJs ? `initial JS ${kb(web.initialJs.gzipBytes)} gzip (${kb(web.initialJs.rawBytes)} raw, ${web.initialJs.files.length} files)` : 'initial JS not measured'
  const row = web.firstRow
    ? `first contact row: cold ${ms(web.firstRow.coldMs)} ms, reloads p50 ${ms(web.firstRow.warm.p50)} / max ${ms(web.firstRow.warm.max)} ms`
    : `first contact row: ${web.firstRowError ?? 'not measured'}`
  return `    ${js}; ${row}`
}

const ms = (value: number) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(value >= 10 ? 1 : 2)) : '—')
const int = (value: number) => Math.round(value).toLocaleString('en')
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS')

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length)))
  return rows
    .map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd())
    .join('\n')
}

function webRows(web: WebResult): string[][] {
  if (web.skipped) return [['web app in headless Chromium: skipped (no Chromium)', '', '', '', 'skip']]
  const rows: string[][] = [['web app in headless Chromium, signed in, /o/contacts', '', '', '', '']]
  if (web.initialJs) {
    const gzipKb = web.initialJs.gzipBytes / 1024
    rows.push([`  initial JS until the first row, gzip (${web.initialJs.files.length} files, ${kb(web.initialJs.rawBytes)} raw)`, kb(web.initialJs.gzipBytes), '', `≤ ${TARGETS.initialJsKb} KB`, verdict(gzipKb <= TARGETS.initialJsKb)])
    const idle = web.initialJs.afterIdle
    rows.push([`  JS until the network went quiet, gzip (${idle.files} files, ${kb(idle.rawBytes)} raw)`, kb(idle.gzipBytes), '', '', 'info'])
  }
  if (web.firstRow) {
    rows.push(['  navigation → first contact row, cold cache', ms(web.firstRow.coldMs), '', '', 'info'])
    rows.push([`  navigation → first contact row, ${web.firstRow.warm.n} reloads`, ms(web.firstRow.warm.p50), ms(web.firstRow.warm.p95), `≤ ${TARGETS.firstRowMs} ms (p50)`, verdict(web.firstRow.warm.p50 <= TARGETS.firstRowMs)])
  } else {
    rows.push(['  navigation → first contact row: never shown', '—', '—', `≤ ${TARGETS.firstRowMs} ms (p50)`, 'MISS'])
  }
  return rows
}

/** The per-engine table: each number beside its target, PASS or MISS. */
export function formatEngine(report: EngineReport): string {
  const { engine, load, overhead, stall } = report
  const listTarget = TARGETS.listP95Ms[engine]
  const rows: string[][] = []
  const { copy, imported } = load
  const importRatio = imported.rowsPerSecond / copy.rowsPerSecond
  rows.push(['metric', 'value', '', 'target', 'result'])
  rows.push([`raw COPY of the CSV into a copy of the contacts table (rows/s, ${int(copy.rows)} rows in ${copy.seconds.toFixed(1)} s)`, int(copy.rowsPerSecond), '', '', 'info'])
  rows.push([`CSV import through the API (rows/s, ${int(imported.rows)} rows in ${imported.seconds.toFixed(1)} s)`, int(imported.rowsPerSecond), '',
    engine === 'postgres' ? `≥ ${int(IMPORT_TARGET_ROWS_PER_SECOND)}` : '', engine === 'postgres' ? verdict(imported.rowsPerSecond >= IMPORT_TARGET_ROWS_PER_SECOND) : 'info'])
  rows.push(['  import / raw COPY', importRatio.toFixed(2), '', `≥ ${IMPORT_TARGET_COPY_RATIO}`, verdict(importRatio >= IMPORT_TARGET_COPY_RATIO)])
  rows.push([`  peak RSS above idle (${imported.idleRssMb.toFixed(0)} MB before)`, `${imported.peakRssAboveIdleMb.toFixed(0)} MB`, '', `< ${IMPORT_TARGET_RSS_MB} MB`, verdict(imported.peakRssAboveIdleMb < IMPORT_TARGET_RSS_MB)])
  for (const list of report.lists) {
    const title = `list "${list.name}" (${list.as}${list.pages > 1 ? `, ${list.pages} cursor pages` : ''}, ${list.rowsPerPage} rows, ${list.queriesPerPage} SQL)`
    rows.push([title, 'p50', 'p95', '', ''])
    rows.push(['  HTTP GET /api/v1/contacts', ms(list.http.p50), ms(list.http.p95), `≤ ${listTarget} ms`, verdict(list.http.p95 <= listTarget)])
    rows.push(['  in-process listRecords()', ms(list.inProcess.p50), ms(list.inProcess.p95), '', 'info'])
    rows.push(['  same SQL, raw', ms(list.raw.p50), ms(list.raw.p95), '', 'info'])
    rows.push(['  API/raw ratio', list.ratioP50.toFixed(2), list.ratioP95.toFixed(2), `≤ ${TARGETS.apiRawRatio} (p50)`, verdict(list.ratioP50 <= TARGETS.apiRawRatio)])
    if (list.floor && list.floorRatioP50 !== undefined) {
      rows.push(['  floor: bare HTTP server, page JSON built by the database', ms(list.floor.p50), ms(list.floor.p95), '', 'info'])
      rows.push(['  floor/raw ratio (the least any HTTP API here adds)', list.floorRatioP50.toFixed(2), '', '', 'info'])
    }
  }
  rows.push(['fixed cost per request', '', '', '', ''])
  rows.push(['  one round trip to the engine (select 1, raw)', ms(overhead.roundTrip.p50), ms(overhead.roundTrip.p95), '', 'info'])
  rows.push(['  GET /api/health (HTTP + select 1)', ms(overhead.health.p50), ms(overhead.health.p95), '', 'info'])
  rows.push([`  session + actor lookup, raw (${overhead.authSql.length} SQL${overhead.authCached ? ', cached by the server between requests' : ', every request'})`, ms(overhead.authQueries.p50), ms(overhead.authQueries.p95), '', 'info'])
  for (const search of report.searches) {
    rows.push([`search "${search.q}" (${search.contactHits} contact hits, ${search.sql.length} SQL)`, ms(search.http.p50), ms(search.http.p95), `≤ ${TARGETS.searchP95Ms} ms`, verdict(search.http.p95 <= TARGETS.searchP95Ms)])
    const slowest = [...search.perQuery].sort((a, b) => b.p95 - a.p95)[0]
    rows.push([`  raw SQL total (slowest: ${slowest.table} p50 ${ms(slowest.p50)} p95 ${ms(slowest.p95)})`, ms(search.raw.p50), ms(search.raw.p95), '', 'info'])
    const after = report.searchesAfterFlush.find((entry) => entry.q === search.q)
    if (after) rows.push(['  HTTP after gin_clean_pending_list()', ms(after.http.p50), ms(after.http.p95), '', 'info'])
  }
  rows.push([`event loop max stall, group-by over ${int(stall.aggregatedRows)} rows (${(stall.queryMs / 1000).toFixed(1)} s)`, '', ms(stall.maxStallMs), `≤ ${TARGETS.stallMs} ms`, verdict(stall.maxStallMs <= TARGETS.stallMs)])
  rows.push([`  slowest GET /api/health during it (${stall.healthRequests} sent)`, '', ms(stall.healthMaxMs), '', 'info'])
  rows.push(...webRows(report.web))
  const head = `== ${report.label} · ${int(report.rows)} contacts · ${report.serverVersion} ==`
  const biggest = Object.entries(load.indexes).slice(0, 2).map(([name, bytes]) => `${name} ${mb(bytes)}`).join(', ')
  const flush = `   GIN pending list of contacts_search_keys_idx: ${int(report.pendingFlush.pages)} pages merged in ${report.pendingFlush.seconds.toFixed(1)} s before the "after" searches`
  const disk = Object.entries(report.storage).map(([name, bytes]) => `${name.replace(/Bytes$/, '')} ${mb(bytes)}`).join(', ')
  const sizes = `   data: table ${mb(load.tableBytes)}, indexes ${mb(load.indexBytes)} (${biggest}); on disk: ${disk}; import: main thread busy ${(imported.mainThreadBusy * 100).toFixed(0)}% of the time; ANALYZE ${load.analyzeSeconds.toFixed(1)} s; raw SQL via ${report.rawPath}`
  const phases = `   time: ${Object.entries(report.phases).map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`).join(', ')}`
  const cpus = os.cpus().length
  const busy = Math.max(report.loadAverage.before, report.loadAverage.after) > cpus
  const machine = `   machine: load average ${report.loadAverage.before.toFixed(1)} → ${report.loadAverage.after.toFixed(1)} on ${cpus} CPUs` +
    (busy ? ' — WARNING: other processes competed for the CPUs, latencies are inflated' : '')
  return [head, table(rows), flush, sizes, phases, machine].join('\n')
}

/** What to read when a target is missed: the plan of the slow query, or where the API's time goes. */
export function formatMisses(report: EngineReport): string {
  const out: string[] = []
  const listTarget = TARGETS.listP95Ms[report.engine]
  for (const list of report.lists) {
    if (list.http.p95 > listTarget) {
      out.push(`-- ${report.label}: list "${list.name}" p95 ${ms(list.http.p95)} ms > ${listTarget} ms. SQL and EXPLAIN ANALYZE:`)
      out.push(list.sql.map((query) => `${query.sql}\n  params: ${JSON.stringify(query.parameters)}`).join('\n'), list.plan)
    }
    if (list.ratioP50 > TARGETS.apiRawRatio) {
      const extra = list.http.p50 - list.raw.p50
      const auth = report.overhead.authCached ? 0 : report.overhead.authQueries.p50
      const inProcess = list.inProcess.p50 - list.raw.p50
      out.push(`-- ${report.label}: list "${list.name}" API/raw ${list.ratioP50.toFixed(2)} > ${TARGETS.apiRawRatio}: HTTP p50 ${ms(list.http.p50)} ms vs raw ${ms(list.raw.p50)} ms, +${ms(extra)} ms per request, of which ` +
        (report.overhead.authCached ? 'session+actor SQL ≈ 0 (caller cached), ' : `session+actor SQL ≈ ${ms(auth)} ms, `) +
        `listRecords() above its SQL ≈ ${ms(inProcess)} ms, HTTP round trip + routing + JSON ≈ ${ms(Math.max(0, extra - auth - inProcess))} ms ` +
        `(GET /api/health p50 ${ms(report.overhead.health.p50)} ms, one engine round trip ${ms(report.overhead.roundTrip.p50)} ms)` +
        (list.floor && list.floorRatioP50 !== undefined ? `; a bare HTTP server sending the page as JSON built by the database takes p50 ${ms(list.floor.p50)} ms, ${list.floorRatioP50.toFixed(2)}× the raw SQL.` : '.'))
    }
  }
  for (const search of report.searches) {
    if (search.http.p95 <= TARGETS.searchP95Ms) continue
    const breakdown = search.perQuery.map((entry) => `${entry.table} ${ms(entry.p50)}/${ms(entry.p95)}`).join(', ')
    const slowest = [...search.perQuery].sort((a, b) => b.p95 - a.p95)[0]
    const query = search.sql[search.perQuery.indexOf(slowest)]
    out.push(`-- ${report.label}: search "${search.q}" p95 ${ms(search.http.p95)} ms > ${TARGETS.searchP95Ms} ms; tokens ${JSON.stringify(search.tokens)}; raw p50/p95 per query: ${breakdown}. Slowest, ${slowest.table}:`)
    out.push(`${query.sql}\n  params: ${JSON.stringify(query.parameters)}`, search.slowestPlan)
    const after = report.searchesAfterFlush.find((entry) => entry.q === search.q)
    if (after) out.push(`   after gin_clean_pending_list() (${int(report.pendingFlush.pages)} pages merged): HTTP p50/p95 ${ms(after.http.p50)}/${ms(after.http.p95)} ms; slowest query's plan then:`, after.slowestPlan)
  }
  const { web } = report
  if (web.initialJs && web.initialJs.gzipBytes / 1024 > TARGETS.initialJsKb) {
    out.push(`-- ${report.label}: initial JS ${kb(web.initialJs.gzipBytes)} gzip > ${TARGETS.initialJsKb} KB. Largest files (gzip): ` +
      web.initialJs.files.slice(0, 8).map((file) => `${file.path} ${kb(file.gzipBytes)}`).join(', '))
  }
  if (!web.skipped && !web.firstRow) out.push(`-- ${report.label}: ${web.firstRowError ?? 'the contact list showed no row'} (screenshot: bench-results/web-first-row-missing.png)`)
  if (web.firstRow && web.firstRow.warm.p50 > TARGETS.firstRowMs) {
    out.push(`-- ${report.label}: first contact row p50 ${ms(web.firstRow.warm.p50)} ms > ${TARGETS.firstRowMs} ms (runs: ${web.firstRow.samples.map(ms).join(', ')} ms; cold ${ms(web.firstRow.coldMs)} ms).`)
  }
  if (report.stall.maxStallMs > TARGETS.stallMs) {
    out.push(`-- ${report.label}: event loop stalled ${ms(report.stall.maxStallMs)} ms during the group-by (histogram max ${ms(report.stall.histogramMaxMs)} ms).`)
  }
  return out.join('\n')
}

export function formatSummary(reports: EngineReport[]): string {
  const lines = ['== Summary ==']
  for (const report of reports) {
    const missed = report.checks.filter((check) => !check.pass)
    lines.push(`${report.label} @ ${int(report.rows)} rows: import ${int(report.load.imported.rowsPerSecond)} rows/s (${(report.load.imported.rowsPerSecond / report.load.copy.rowsPerSecond).toFixed(2)}× raw COPY); ${report.checks.length - missed.length}/${report.checks.length} targets met` +
      (missed.length ? `; MISS: ${missed.map((check) => `${check.metric} ${check.unit === '×' ? check.value.toFixed(2) : Number.isFinite(check.value) ? `${ms(check.value)} ${check.unit}` : 'none'} (${check.unit === 'rows/s' || check.metric.includes('raw COPY') ? '≥' : '≤'} ${check.target})`).join('; ')}` : ''))
  }
  return lines.join('\n')
}
