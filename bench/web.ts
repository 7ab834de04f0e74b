import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser, BrowserContext } from 'playwright-core'
import { chromiumMissing, launchChromium } from '../e2e/support/chromium.ts'
import { summarize, type Summary } from './stats.ts'

/** What the browser downloads and how soon it shows the contact list, measured in headless Chromium. */
export interface WebResult {
  /** Why nothing was measured (no Chromium): a skip, not a failure. */
  skipped?: string
  /**
   * JS the browser fetched for /o/contacts signed in until its first row showed, each response
   * gzipped here (level 9; the server sends them uncompressed); `afterIdle`: until the network went quiet.
   */
  initialJs?: JsBytes & { files: JsFile[]; afterIdle: JsBytes & { files: number } }
  /** Navigation start → first row of the contact list painted: the first visit (empty cache), then reloads. */
  firstRow?: { coldMs: number; warm: Summary; samples: number[] }
  /** Why the first row was not measured (it never appeared). */
  firstRowError?: string
}

interface JsBytes { gzipBytes: number; rawBytes: number }
interface JsFile extends JsBytes { path: string }

const sum = (files: JsFile[]): JsBytes => ({
  gzipBytes: files.reduce((total, file) => total + file.gzipBytes, 0),
  rawBytes: files.reduce((total, file) => total + file.rawBytes, 0),
})

const LIST_PATH = '/o/contacts'
const ROW_SELECTOR = '[data-testid="list-table"] tr[data-row-key]'
const ROW_TIMEOUT_MS = 30_000
const MISSING_ROW_SCREENSHOT = path.join(import.meta.dirname, '..', 'bench-results', 'web-first-row-missing.png')

/**
 * Runs in the page before the app: notes performance.now() (ms since navigation start) at the first
 * animation frame after a contact row is in the DOM with a size, i.e. when it is painted. Plain
 * source text: tsx would wrap a compiled function's inner functions in a helper the page lacks.
 */
const WATCH_FIRST_ROW = `(() => {
  const check = () => {
    const row = document.querySelector(${JSON.stringify(ROW_SELECTOR)})
    if (!row || row.getBoundingClientRect().height === 0) return false
    requestAnimationFrame(() => { if (window.__firstRowMs === undefined) { window.__firstRowMs = performance.now(); window.__firstRowEpoch = performance.timeOrigin + window.__firstRowMs } })
    return true
  }
  const observer = new MutationObserver(() => { if (check()) observer.disconnect() })
  observer.observe(document, { childList: true, subtree: true, attributes: true })
})()`

async function signedInContext(browser: Browser, baseUrl: string, email: string, password: string): Promise<BrowserContext> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })
  const cookie = response.headers.get('set-cookie')?.split(';')[0]
  if (response.status !== 200 || !cookie) throw new Error(`bench sign-in failed: ${response.status}`)
  const [name, ...value] = cookie.split('=')
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 800 } })
  await context.addCookies([{ name, value: value.join('='), url: baseUrl }])
  await context.addInitScript({ content: WATCH_FIRST_ROW })
  return context
}

/** One navigation to the contact list; ms from navigation start to the first painted row. */
async function loadList(context: BrowserContext, baseUrl: string): Promise<number> {
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(`${baseUrl}${LIST_PATH}`, { waitUntil: 'commit' })
  await page.waitForFunction(() => (window as unknown as { __firstRowMs?: number }).__firstRowMs !== undefined, undefined, { timeout: ROW_TIMEOUT_MS, polling: 50 })
  return page.evaluate(() => (window as unknown as { __firstRowMs: number }).__firstRowMs)
}

/**
 * Signed in as `email`: the gzip size of the JS a first visit to /o/contacts downloads, and the time
 * to the first contact row, cold (fresh browser cache) and over `warmRuns` reloads (p50).
 */
export async function measureWeb(baseUrl: string, email: string, password: string, warmRuns = 5): Promise<WebResult> {
  const missing = chromiumMissing()
  if (missing) return { skipped: missing }
  const browser = await launchChromium()
  try {
    const context = await signedInContext(browser, baseUrl, email, password)
    // Each script with the moment its request started, to tell the first screen's from what came after the row.
    const scripts: Array<Promise<(JsFile & { startedAt: number }) | undefined>> = []
    const page = await context.newPage()
    page.on('response', (response) => {
      const type = response.headers()['content-type'] ?? ''
      if (response.request().resourceType() !== 'script' && !type.includes('javascript')) return
      const startedAt = response.request().timing().startTime
      scripts.push(response.body().then(
        (body) => ({ path: new URL(response.url()).pathname, rawBytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length, startedAt }),
        () => undefined,
      ))
    })
    const result: WebResult = {}
    let coldMs: number | undefined
    let firstRowAt = Number.POSITIVE_INFINITY
    try {
      coldMs = await loadList(context, baseUrl)
      firstRowAt = await page.evaluate(() => (window as unknown as { __firstRowEpoch: number }).__firstRowEpoch)
      // What the page fetches once the row is there (secondary widgets) is reported apart, as "until quiet".
      await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {})
    } catch (error) {
      result.firstRowError = `no row of ${ROW_SELECTOR} within ${ROW_TIMEOUT_MS / 1000} s at ${LIST_PATH} (${(error as Error).message.split('\n')[0]})`
      fs.mkdirSync(path.dirname(MISSING_ROW_SCREENSHOT), { recursive: true })
      await page.screenshot({ path: MISSING_ROW_SCREENSHOT }).catch(() => {})
    }
    const all = await Promise.all(scripts)
    const loaded = all.filter((file) => file !== undefined)
    const files = loaded.filter((file) => file.startedAt <= firstRowAt).map(({ startedAt: _startedAt, ...file }) => file).sort((a, b) => b.gzipBytes - a.gzipBytes)
    const idle = loaded
    result.initialJs = { ...sum(files), files, afterIdle: { ...sum(idle), files: idle.length } }
    if (coldMs !== undefined) {
      const samples: number[] = []
      for (let run = 0; run < warmRuns; run++) samples.push(await loadList(context, baseUrl))
      result.firstRow = { coldMs, warm: summarize(samples), samples }
    }
    await context.close()
    return result
  } finally {
    await browser.close()
  }
}
