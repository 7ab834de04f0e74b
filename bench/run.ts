/**
 * Rapport's performance bench: the real server on a fresh PGlite and/or PostgreSQL database,
 * loaded through the real write pipeline, measured through HTTP against the same SQL run raw.
 *
 *   npm run bench                          20,000 contacts; PGlite, plus PostgreSQL when
 *                                          BENCH_DATABASE_URL or TEST_DATABASE_URL is set
 *   npm run bench -- --rows 1000000 --engine postgres --iterations 200
 *
 * With Chromium installed (CHROMIUM_PATH or /usr/bin/chromium) it also loads the web app: the
 * gzip size of its initial JavaScript and the time to the first row of the contact list.
 *
 * Prints a table per engine (each number beside its target, PASS/MISS) and writes JSON to
 * bench-results/. Exits 0 when targets are missed (it is a report), non-zero when it crashes.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import type { Engine } from '../server/src/db/database.ts'
import { ensureWebBuild } from '../server/src/web/web-build.ts'
import { adminDatabaseUrl, startBenchEngine, type BenchEngine } from './engines.ts'
import { startHttpFloor } from './http-floor.ts'
import { HttpClient } from './http-client.ts'
import { ADMIN_EMAIL, PASSWORD, analyzeContacts, setUpWorkspace } from './load.ts'
import { formatImport, importWorkDir, measureImport, measureRawCopy, writeContactsCsv } from './import.ts'
import { checksOf, engineLabel, formatEngine, formatMisses, formatSummary, formatWebLine, TARGETS, type EngineReport } from './report.ts'
import { actorsOf, measureList, measureOverhead, measureSearch, measureStall, type ListSpec } from './scenarios.ts'
import { measureWeb } from './web.ts'
import { formatExport, measureExport } from './export.ts'
import { formatSales, measureSales } from './sales.ts'

interface Args {
  rows: number
  engines: Engine[]
  listIterations: number
  searchIterations: number
}

const USAGE = `usage: npm run bench -- [--rows N] [--engine pglite|postgres|both] [--iterations K]
  --rows        contacts to load (default 20000; 20k, 1m accepted)
  --engine      default: both when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, else pglite
  --iterations  latency samples per list case (default 200); each search query gets half (default 100)`

function count(text: string | undefined, name: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text?.replace(/[_,]/g, '') ?? '')
  if (!match) throw new Error(`--${name} expects a number, got ${text}\n${USAGE}`)
  const value = Number(match[1]) * (match[2].toLowerCase() === 'k' ? 1e3 : match[2].toLowerCase() === 'm' ? 1e6 : 1)
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} expects a positive integer\n${USAGE}`)
  return value
}

export function parseArgs(argv: string[]): Args {
  const values: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE)
      process.exit(0)
    }
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg)
    if (!match || !['rows', 'engine', 'iterations'].includes(match[1])) throw new Error(`unknown argument ${arg}\n${USAGE}`)
    values[match[1]] = match[2] ?? argv[++i]
  }
  const engineArg = values.engine ?? (adminDatabaseUrl() ? 'both' : 'pglite')
  const engines: Engine[] = engineArg === 'both' ? ['pglite', 'postgres'] : engineArg === 'pglite' || engineArg === 'postgres' ? [engineArg] : []
  if (engines.length === 0) throw new Error(`--engine expects pglite, postgres or both\n${USAGE}`)
  if (engines.includes('postgres') && !adminDatabaseUrl()) throw new Error('--engine postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL (a server to create a throwaway database on)')
  const iterations = values.iterations === undefined ? 200 : count(values.iterations, 'iterations')
  return {
    rows: values.rows === undefined ? 20_000 : count(values.rows, 'rows'),
    engines,
    listIterations: iterations,
    searchIterations: Math.max(1, Math.round(iterations / 2)),
  }
}

/** A realistic Latin word (an English surname in the generated data) and the Chinese name forms. */
const SEARCHES = ['smith', '张伟', '张', 'zw', 'zhangwei']
/** Reloads of the contact list after the cold visit; their p50 is the first-row figure. */
const WEB_WARM_RUNS = 5

const log = (line: string) => console.log(line)

/** The engine being measured, so Ctrl-C or a kill still drops its throwaway database or folder. */
let running: BenchEngine | undefined
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: removing the bench database`)
    const closing = running?.close() ?? Promise.resolve()
    closing.finally(() => process.exit(code))
  })
}

function folderBytes(dir: string): number {
  let total = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    total += entry.isDirectory() ? folderBytes(full) : entry.isFile() ? fs.statSync(full).size : 0
  }
  return total
}

/** On disk after the load: the database, and for PGlite its folder's WAL (PGlite has no checkpointer process). */
async function storageOf(bench: BenchEngine): Promise<Record<string, number>> {
  const size = await sql<{ bytes: number }>`select pg_database_size(current_database())::bigint as bytes`.execute(bench.database.db)
  const storage: Record<string, number> = { databaseBytes: Number(size.rows[0].bytes) }
  if (bench.engine === 'pglite' && fs.existsSync(bench.location)) {
    storage.folderBytes = folderBytes(bench.location)
    const wal = path.join(bench.location, 'pg_wal')
    if (fs.existsSync(wal)) storage.walBytes = folderBytes(wal)
  }
  return storage
}

async function runEngine(engine: Engine, args: Args): Promise<EngineReport> {
  const label = engineLabel(engine)
  const phases: Record<string, number> = {}
  let phaseStart = performance.now()
  const phase = (name: string) => {
    const now = performance.now()
    phases[name] = (now - phaseStart) / 1000
    phaseStart = now
  }
  const loadBefore = os.loadavg()[0]
  log(`\n▶ ${label}: fresh database, migrations, server`)
  const bench: BenchEngine = await startBenchEngine(engine)
  running = bench
  const clients: HttpClient[] = []
  try {
    const version = await sql<{ version: string }>`select version()`.execute(bench.database.db)
    const serverVersion = version.rows[0].version.split(' on ')[0]
    const workspace = await setUpWorkspace(bench.database.db)
    phase('setup')
    const admin = await HttpClient.signIn(bench.baseUrl, ADMIN_EMAIL, PASSWORD)
    const workDir = importWorkDir()
    let load: EngineReport['load']
    try {
      log(`▶ ${label}: a CSV file of ${args.rows.toLocaleString('en')} contacts, raw COPY of it, then the same file through the import API`)
      const file = await writeContactsCsv(workDir, args.rows, workspace.ctx.catalog.get('contacts'), [ADMIN_EMAIL, ...workspace.reps.map((rep) => rep.email)])
      const copy = await measureRawCopy(bench, workspace, file)
      const imported = await measureImport(bench, admin, file, args.rows, log)
      log(formatImport(copy, imported, engine === 'postgres'))
      load = { copy, imported, ...(await analyzeContacts(bench.database.db)) }
    } finally {
      fs.rmSync(workDir, { recursive: true, force: true })
    }
    phase('import')
    const storage = await storageOf(bench)
    const rep = await HttpClient.signIn(bench.baseUrl, workspace.reps[0].email, PASSWORD)
    const probe = new HttpClient(bench.baseUrl)
    clients.push(admin, rep, probe)
    const actors = await actorsOf(workspace, admin, rep)
    const listWarmup = Math.min(20, args.listIterations)
    const searchWarmup = Math.min(10, args.searchIterations)
    log(`▶ ${label}: lists (${args.listIterations} samples each: HTTP, in-process, raw SQL)`)
    const overhead = await measureOverhead(bench, workspace, admin, args.listIterations, listWarmup)
    const specs: ListSpec[] = [
      { name: 'customers by name', as: 'admin', filter: { lifecycle_stage: { eq: 'customer' } }, sort: 'name' },
      { name: 'customers by name, pages 2-10', as: 'admin', filter: { lifecycle_stage: { eq: 'customer' } }, sort: 'name', walkPages: 9 },
      { name: "one rep's contacts, newest first", as: 'admin', filter: { owner_id: { eq: workspace.reps[0].id } }, sort: '-created_at' },
      { name: 'rep: own referrals by name', as: 'rep', filter: { source: { eq: 'referral' } }, sort: 'name' },
    ]
    const lists = []
    const floor = await startHttpFloor(bench)
    try {
      for (const spec of specs) {
        const result = await measureList(bench, actors, spec, args.listIterations, listWarmup, floor)
        log(`    ${spec.name}: HTTP p50 ${result.http.p50.toFixed(2)} / p95 ${result.http.p95.toFixed(2)} ms; raw p50 ${result.raw.p50.toFixed(2)} / p95 ${result.raw.p95.toFixed(2)} ms` +
          (result.floor ? `; bare HTTP floor p50 ${result.floor.p50.toFixed(2)} ms` : ''))
        lists.push(result)
      }
    } finally {
      await floor.close()
    }
    phase('lists')
    log(`▶ ${label}: search (${args.searchIterations} samples per query)`)
    const searches = []
    for (const q of SEARCHES) {
      const result = await measureSearch(bench, actors, q, args.searchIterations, searchWarmup)
      log(`    "${q}": HTTP p50 ${result.http.p50.toFixed(2)} / p95 ${result.http.p95.toFixed(2)} ms`)
      searches.push(result)
    }
    phase('search')
    // Diagnostic: the same searches once the search index's GIN pending list (fastupdate) is merged,
    // the state autovacuum eventually leaves on PostgreSQL and PGlite never reaches by itself.
    log(`▶ ${label}: search again after gin_clean_pending_list('contacts_search_keys_idx')`)
    const flushStart = performance.now()
    const flushed = await sql<{ pages: number }>`select gin_clean_pending_list('contacts_search_keys_idx'::regclass)::bigint as pages`.execute(bench.database.db)
    const pendingFlush = { pages: Number(flushed.rows[0].pages), seconds: (performance.now() - flushStart) / 1000 }
    const searchesAfterFlush = []
    for (const q of SEARCHES) {
      const result = await measureSearch(bench, actors, q, args.searchIterations, searchWarmup)
      log(`    "${q}": HTTP p50 ${result.http.p50.toFixed(2)} / p95 ${result.http.p95.toFixed(2)} ms`)
      searchesAfterFlush.push(result)
    }
    phase('search after flush')
    log(`▶ ${label}: web app in headless Chromium (${WEB_WARM_RUNS} reloads of /o/contacts after a cold first visit)`)
    const web = await measureWeb(bench.baseUrl, ADMIN_EMAIL, PASSWORD, WEB_WARM_RUNS)
    log(web.skipped ? `    skipped: ${web.skipped}` : formatWebLine(web))
    phase('web')
    log(`▶ ${label}: export of every contact as CSV (GET /api/v1/contacts/export, streamed)`)
    const exported = await measureExport(bench.baseUrl, admin.sessionToken, args.rows)
    log(formatExport(exported))
    phase('export')
    log(`▶ ${label}: sales analytics over ${args.rows.toLocaleString('en')} opportunities (funnel and forecast: HTTP and raw SQL; bench/sales.ts)`)
    const sales = await measureSales(bench, workspace, admin, rep, args.rows, args.listIterations, listWarmup)
    log(formatSales(sales))
    phase('sales')
    log(`▶ ${label}: event loop during a group-by over ≥1M rows`)
    const stall = await measureStall(bench, workspace, args.rows, probe)
    phase('group-by')
    const loadAverage = { before: loadBefore, after: os.loadavg()[0] }
    return {
      engine, label, serverVersion, loadAverage, storage, rows: args.rows, load, overhead, lists, searches, searchesAfterFlush, pendingFlush, stall, web, exported, sales,
      checks: checksOf(engine, { load, lists, searches, stall, web, exported, sales }), phases, rawPath: bench.rawPath,
    }
  } finally {
    for (const client of clients) client.close()
    running = undefined
    await bench.close()
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  const started = new Date()
  const startedAt = performance.now()
  log(`Rapport bench: ${args.rows.toLocaleString('en')} contacts on ${args.engines.map(engineLabel).join(' and ')}; ` +
    `${os.cpus().length} CPUs, Node ${process.version}`)
  // Built before any engine starts, so the servers serve the current web app (a few seconds when it changed).
  await ensureWebBuild(log)
  const reports: EngineReport[] = []
  for (const engine of args.engines) {
    const report = await runEngine(engine, args)
    reports.push(report)
    log(`\n${formatEngine(report)}`)
  }
  const totalSeconds = (performance.now() - startedAt) / 1000
  log(`\n${formatSummary(reports)}`)
  const misses = reports.map(formatMisses).filter(Boolean)
  if (misses.length) log(`\n== Why targets were missed ==\n${misses.join('\n\n')}`)
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bench-results')
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `bench-${started.toISOString().replace(/[:.]/g, '-')}-${args.rows}.json`)
  fs.writeFileSync(file, JSON.stringify({
    startedAt: started.toISOString(),
    totalSeconds,
    args,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${process.platform} ${os.release()}` },
    targets: TARGETS,
    engines: reports,
  }, null, 2))
  log(`\nTotal ${totalSeconds.toFixed(0)} s. Results: ${path.relative(process.cwd(), file)}`)
}

main().then(
  // Open sockets or timers must not keep a finished run alive.
  () => process.exit(0),
  (error) => {
    console.error('bench failed:', error)
    process.exit(1)
  },
)
