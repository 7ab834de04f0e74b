import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { ensureWebBuild, webDistDir } from '../../server/src/web/web-build.ts'
import { chromiumMissing } from './chromium.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's copy of the built web app, which the test servers serve. */
    webDistDir: string
  }
}

/**
 * Once per run: refuse early without Chromium, build the web app, and copy it aside so a rebuild of
 * web/dist meanwhile (`npm start` or another run on this machine) cannot pull assets from under the tests.
 */
export default async function setup(project: TestProject) {
  const missing = chromiumMissing()
  if (missing) throw new Error(missing)
  // The production build `npm start` serves (ensureWebBuild forces it under a test runner too).
  await ensureWebBuild()
  // Pictures of an earlier run's failures would pass for this run's.
  const screenshots = path.resolve(import.meta.dirname, '..', 'screenshots')
  if (fs.existsSync(screenshots)) for (const name of fs.readdirSync(screenshots)) if (name.startsWith('failed-')) fs.rmSync(path.join(screenshots, name))
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-e2e-web-'))
  fs.cpSync(webDistDir, copy, { recursive: true })
  project.provide('webDistDir', copy)
  return () => fs.rmSync(copy, { recursive: true, force: true })
}
