/**
 * Import phase of the bench, which is also how the contacts are loaded: a CSV file of N contacts
 * (Chinese headers, select labels, owners by email — what a company exports from its old system)
 * goes through the real import API (upload streamed to disk, suggested mapping, start, batches run by
 * the job runner through the write pipeline) while the process's RSS is sampled every 10 ms. First,
 * the same file is bulk-loaded with a raw `COPY` into a copy of the contacts table (same columns and
 * indexes, dropped after), so the import rate can be read as a ratio of the engine's own floor.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { generateContactValues } from '../server/src/demo/demo-dataset.ts'
import { createJobRunner } from '../server/src/events/job-runner.ts'
import { importJobHandlers } from '../server/src/imports/import-job.ts'
import type { ObjectSchema } from '../server/src/metadata/object-catalog.ts'
import type { BenchEngine } from './engines.ts'
import type { HttpClient } from './http-client.ts'
import { KNOWN_CONTACTS, type LoadedWorkspace } from './load.ts'

export const IMPORT_TARGET_ROWS_PER_SECOND = 50_000
export const IMPORT_TARGET_COPY_RATIO = 0.5
export const IMPORT_TARGET_RSS_MB = 300

/** File header → contact field: the headers a Chinese export has, each found by the import's own suggestions. */
const COLUMNS: Array<[header: string, field: string]> = [
  ['姓名', 'name'], ['邮箱', 'email'], ['手机', 'phone'], ['职务', 'job_title'], ['城市', 'city'],
  ['生命周期阶段', 'lifecycle_stage'], ['来源', 'source'], ['负责人', 'owner_id'],
]

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)

/** Writes the file: the known contacts, then generated ones; owners round-robin by email. Returns its path. */
export async function writeContactsCsv(dir: string, rows: number, contacts: ObjectSchema, ownerEmails: string[]): Promise<string> {
  const filePath = path.join(dir, `contacts-${rows}.csv`)
  const out = fs.createWriteStream(filePath)
  const labelOf = (field: string, value: unknown) => {
    const option = contacts.field(field)?.options?.find((candidate) => candidate.value === value)
    return option ? option.label['zh-CN'] : String(value ?? '')
  }
  const write = (line: string) => (out.write(line) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())))
  await write(`${COLUMNS.map(([header]) => header).join(',')}\n`)
  let index = 0
  const add = async (values: Record<string, unknown>) => {
    const cells = COLUMNS.map(([, field]) => {
      if (field === 'owner_id') return ownerEmails[index % ownerEmails.length]
      const value = values[field]
      return contacts.field(field)?.options ? labelOf(field, value) : String(value ?? '')
    })
    index++
    await write(`${cells.map(csvCell).join(',')}\n`)
  }
  for (const values of KNOWN_CONTACTS.slice(0, rows)) await add(values)
  for (const values of generateContactValues(Math.max(0, rows - KNOWN_CONTACTS.length), 20240501)) await add(values)
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
  return filePath
}

export interface RawCopyResult {
  rows: number
  seconds: number
  rowsPerSecond: number
}

/**
 * The engine's floor: `COPY` of the file into `bench_copy_contacts`, a copy of the contacts table with
 * its indexes (the owner's email lands in an extra text column; ids and timestamps from column defaults).
 */
export async function measureRawCopy(bench: BenchEngine, workspace: LoadedWorkspace, filePath: string): Promise<RawCopyResult> {
  const db = bench.database.db
  await sql`drop table if exists bench_copy_contacts`.execute(db)
  await sql`create table bench_copy_contacts (like contacts including all)`.execute(db)
  await sql.raw(`alter table bench_copy_contacts add column owner_email text,
    alter column workspace_id set default '${workspace.workspaceId}', alter column id set default gen_random_uuid(),
    alter column created_by set default '${workspace.adminId}', alter column updated_by set default '${workspace.adminId}'`).execute(db)
  const columns = COLUMNS.map(([, field]) => (field === 'owner_id' ? 'owner_email' : field)).join(', ')
  const started = performance.now()
  const rows = await bench.database.copyFromFile(`bench_copy_contacts (${columns})`, 'format csv, header true', filePath)
  const seconds = (performance.now() - started) / 1000
  await sql`drop table bench_copy_contacts`.execute(db)
  return { rows, seconds, rowsPerSecond: rows / seconds }
}

export interface ImportResult {
  rows: number
  created: number
  rejected: number
  /** From start to done (the upload and its scan are timed apart). */
  seconds: number
  rowsPerSecond: number
  uploadSeconds: number
  idleRssMb: number
  peakRssAboveIdleMb: number
  /** Share of the import's wall time the main thread was busy (parsing, checks, search documents). */
  mainThreadBusy: number
}

interface ImportView {
  id: string
  status: string
  rows_done: number
  created: number
  rejected: number
  error: string | null
  mapping: Record<string, string | null>
}

/** The file through POST /imports → PUT file → PATCH mapping → start, run by a job runner in this process. */
export async function measureImport(bench: BenchEngine, admin: HttpClient, filePath: string, expectedRows: number, log: (line: string) => void): Promise<ImportResult> {
  const mb = (bytes: number) => bytes / 2 ** 20
  const created = await admin.request<ImportView>('POST', '/api/v1/imports', { object: 'contacts', file_name: path.basename(filePath) })
  if (created.status !== 201) throw new Error(`create import → ${created.status} ${JSON.stringify(created.body)}`)
  const id = created.body.id
  const uploaded = await admin.putFile<ImportView>(`/api/v1/imports/${id}/file`, filePath, 'text/csv')
  if (uploaded.status !== 200) throw new Error(`upload → ${uploaded.status} ${JSON.stringify(uploaded.body)}`)
  const wrong = COLUMNS.filter(([header, field]) => uploaded.body.mapping[header] !== field)
  if (wrong.length > 0) throw new Error(`suggested mapping missed ${wrong.map(([header]) => header).join(', ')}: ${JSON.stringify(uploaded.body.mapping)}`)
  const runner = createJobRunner(bench.database.db, { handlers: importJobHandlers, pollIntervalMs: 20 })
  ;(globalThis as { gc?: () => void }).gc?.()
  const idle = process.memoryUsage.rss()
  let peak = idle
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10)
  const elu = performance.eventLoopUtilization()
  const started = performance.now()
  let view: ImportView
  try {
    const start = await admin.request<ImportView>('POST', `/api/v1/imports/${id}/start`)
    if (start.status !== 200) throw new Error(`start → ${start.status} ${JSON.stringify(start.body)}`)
    runner.start()
    let nextReport = 0.1
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      view = (await admin.ok<ImportView>(`/api/v1/imports/${id}`)).body
      if (view.status === 'done' || view.status === 'failed') break
      if (expectedRows >= 50_000 && view.rows_done / expectedRows >= nextReport) {
        const seconds = (performance.now() - started) / 1000
        log(`    imported ${view.rows_done.toLocaleString('en')} / ${expectedRows.toLocaleString('en')} in ${seconds.toFixed(0)} s (${Math.round(view.rows_done / seconds).toLocaleString('en')} rows/s)`)
        nextReport = Math.floor((view.rows_done / expectedRows) * 10) / 10 + 0.1
      }
    }
  } finally {
    clearInterval(sampler)
    await runner.stop()
  }
  const seconds = (performance.now() - started) / 1000
  if (view.status !== 'done') throw new Error(`import ${view.status}: ${view.error}`)
  if (view.created !== expectedRows) throw new Error(`import created ${view.created} of ${expectedRows} rows (${view.rejected} rejected)`)
  return {
    rows: view.rows_done, created: view.created, rejected: view.rejected, seconds, rowsPerSecond: view.rows_done / seconds,
    uploadSeconds: uploaded.ms / 1000, idleRssMb: mb(idle), peakRssAboveIdleMb: mb(peak - idle),
    mainThreadBusy: performance.eventLoopUtilization(elu).utilization,
  }
}

/** A folder for the generated file, removed by the caller. */
export const importWorkDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-import-'))

const int = (value: number) => Math.round(value).toLocaleString('en')
const pass = (ok: boolean) => (ok ? 'PASS' : 'MISS')

export function formatImport(copy: RawCopyResult, result: ImportResult, engineIsPostgres: boolean): string {
  const ratio = result.rowsPerSecond / copy.rowsPerSecond
  return [
    `    raw COPY of the file into a copy of the contacts table (same indexes): ${int(copy.rowsPerSecond)} rows/s (${copy.seconds.toFixed(1)} s)`,
    `    import through the API: ${int(result.rows)} rows in ${result.seconds.toFixed(1)} s = ${int(result.rowsPerSecond)} rows/s` +
      (engineIsPostgres ? ` (target ≥ ${int(IMPORT_TARGET_ROWS_PER_SECOND)}) ${pass(result.rowsPerSecond >= IMPORT_TARGET_ROWS_PER_SECOND)}` : '') +
      `; upload + scan ${result.uploadSeconds.toFixed(1)} s; main thread busy ${(result.mainThreadBusy * 100).toFixed(0)}%`,
    `    import / raw COPY: ${ratio.toFixed(2)}× (target ≥ ${IMPORT_TARGET_COPY_RATIO}) ${pass(ratio >= IMPORT_TARGET_COPY_RATIO)}`,
    `    import peak RSS: +${result.peakRssAboveIdleMb.toFixed(0)} MB above ${result.idleRssMb.toFixed(0)} MB before (target < ${IMPORT_TARGET_RSS_MB} MB) ${pass(result.peakRssAboveIdleMb < IMPORT_TARGET_RSS_MB)}`,
  ].join('\n')
}
