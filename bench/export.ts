/**
 * Export phase of the bench: every loaded contact as CSV through GET /api/v1/contacts/export, the
 * way a browser downloads it (streamed, no row cap), with the columns of a typical list view.
 * Measures rows/s end to end and the process's peak RSS above its level just before (the server
 * runs in this process), sampled every 10 ms.
 */
import http from 'node:http'

export const EXPORT_TARGET_ROWS_PER_SECOND = 100_000
export const EXPORT_TARGET_RSS_MB = 300
const FIELDS = 'name,account_id,email,phone,lifecycle_stage,owner_id,updated_at'

export interface ExportResult {
  rows: number
  bytes: number
  seconds: number
  rowsPerSecond: number
  idleRssMb: number
  peakRssAboveIdleMb: number
}

export async function measureExport(baseUrl: string, sessionToken: string, expectedRows: number): Promise<ExportResult> {
  const mb = (bytes: number) => bytes / 2 ** 20
  ;(globalThis as { gc?: () => void }).gc?.()
  const idle = process.memoryUsage.rss()
  let peak = idle
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10)
  const started = performance.now()
  let bytes = 0
  let lines = 0
  try {
    await new Promise<void>((resolve, reject) => {
      const request = http.get(`${baseUrl}/api/v1/contacts/export?format=csv&sort=name&fields=${FIELDS}`, { headers: { cookie: `rapport_session=${encodeURIComponent(sessionToken)}` } }, (response) => {
        if (response.statusCode !== 200) return reject(new Error(`export answered ${response.statusCode}`))
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length
          for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) lines++
        })
        response.on('end', resolve)
        response.on('error', reject)
      })
      request.on('error', reject)
    })
  } finally {
    clearInterval(sampler)
  }
  const seconds = (performance.now() - started) / 1000
  const rows = lines - 1
  if (rows < expectedRows) throw new Error(`export wrote ${rows} rows, expected at least ${expectedRows}`)
  return { rows, bytes, seconds, rowsPerSecond: rows / seconds, idleRssMb: mb(idle), peakRssAboveIdleMb: mb(peak - idle) }
}

export function formatExport(result: ExportResult): string {
  const pass = (ok: boolean) => (ok ? 'PASS' : 'MISS')
  return [
    `    export CSV of ${result.rows.toLocaleString('en')} contacts (${(result.bytes / 2 ** 20).toFixed(1)} MB, ${FIELDS.split(',').length} columns) in ${result.seconds.toFixed(1)} s`,
    `    export rate: ${Math.round(result.rowsPerSecond).toLocaleString('en')} rows/s (target ≥ ${EXPORT_TARGET_ROWS_PER_SECOND.toLocaleString('en')}) ${pass(result.rowsPerSecond >= EXPORT_TARGET_ROWS_PER_SECOND)}`,
    `    export peak RSS: +${result.peakRssAboveIdleMb.toFixed(0)} MB above ${result.idleRssMb.toFixed(0)} MB before (target < ${EXPORT_TARGET_RSS_MB} MB) ${pass(result.peakRssAboveIdleMb < EXPORT_TARGET_RSS_MB)}`,
  ].join('\n')
}
