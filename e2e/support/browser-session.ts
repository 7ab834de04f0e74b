import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, inject } from 'vitest'
import { ApiClient } from '../../server/src/test-support/test-server.ts'
import { launchChromium } from './chromium.ts'
import { ADMIN_EMAIL, ADMIN_PASSWORD, startRapport, type RunningRapport } from './rapport-server.ts'

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '..', 'screenshots')
/** How long one UI step may wait for the app (a lazy chunk, a request) before the test fails. */
const STEP_TIMEOUT_MS = 10_000

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>

export interface PageOptions extends BrowserContextOptions {
  /** Start with the administrator's session (default) or signed out. */
  signedIn?: boolean
}

export interface BrowserSession {
  server: RunningRapport
  browser: Browser
  baseUrl: string
  /** The administrator's session, for creating the data a UI test needs through the HTTP API. */
  api: ApiClient
  /** A page in a fresh browser context (zh-CN, 1280×800, signed in unless told), closed after the test. */
  newPage(options?: PageOptions): Promise<Page>
  /** Writes e2e/screenshots/<name>.png for review. */
  screenshot(page: Page, name: string, options?: { fullPage?: boolean }): Promise<void>
}

export async function signInThroughUi(page: Page, baseUrl: string, email = ADMIN_EMAIL, password = ADMIN_PASSWORD) {
  await page.goto(`${baseUrl}/sign-in`)
  await page.locator('#email').fill(email)
  await page.locator('#password').fill(password)
  await page.locator('button[type=submit]').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'))
  await page.getByTestId('module-nav').waitFor()
}

/**
 * The browser-test fixture of one file: the real server on an empty database and a Chromium,
 * started before its tests; the administrator signs in through the sign-in page once, and every
 * test's context starts with that session. Pages of a failed test are screenshotted as failed-*.png.
 */
export function useBrowserSession(): BrowserSession {
  const contexts: Array<{ context: BrowserContext; errors: string[] }> = []
  let storageState: StorageState | undefined
  const session = {
    async newPage({ signedIn = true, ...options }: PageOptions = {}) {
      const context = await session.browser.newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1280, height: 800 },
        ...(signedIn && { storageState }),
        ...options,
      })
      context.setDefaultTimeout(STEP_TIMEOUT_MS)
      const errors: string[] = []
      contexts.push({ context, errors })
      const page = await context.newPage()
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
      page.on('console', (message) => message.type() === 'error' && errors.push(`console: ${message.text()}`))
      return page
    },
    async screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
      // Let fonts and antd's transitions settle so the picture shows what a user sees.
      await page.evaluate(() => document.fonts.ready).catch(() => {})
      await page.waitForTimeout(300)
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: options.fullPage ?? false })
    },
  } as BrowserSession

  beforeAll(async () => {
    session.server = await startRapport(inject('webDistDir'))
    session.baseUrl = session.server.baseUrl
    session.browser = await launchChromium()
    const page = await session.newPage({ signedIn: false })
    await signInThroughUi(page, session.baseUrl)
    storageState = await page.context().storageState()
    const cookie = storageState.cookies.find((entry) => entry.name === 'rapport_session')
    if (!cookie) throw new Error('signing in through the UI set no rapport_session cookie')
    session.api = new ApiClient(session.baseUrl, `${cookie.name}=${cookie.value}`, '', 'zh-CN')
    await closeContexts()
  })

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      const slug = context.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)
      for (const [index, { context: browserContext, errors }] of contexts.entries()) {
        for (const [pageIndex, page] of browserContext.pages().entries()) {
          await session.screenshot(page, `failed-${slug}-${index}-${pageIndex}`, { fullPage: true }).catch(() => {})
        }
        if (errors.length) console.error(`browser errors during "${context.task.name}":\n  ${errors.join('\n  ')}`)
      }
    }
    await closeContexts()
  })

  afterAll(async () => {
    await closeContexts()
    await session.browser?.close()
    await session.server?.close()
  })

  async function closeContexts() {
    for (const { context } of contexts.splice(0)) await context.close().catch(() => {})
  }

  return session
}
