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
  // Vitest sets NODE_ENV=test, and Vite would then bundle React's development build (jsxDEV, 2-3×
  // the size): build what `npm start` serves.
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await ensureWebBuild()
  } finally {
    process.env.NODE_ENV = nodeEnv
  }
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-e2e-web-'))
  fs.cpSync(webDistDir, copy, { recursive: true })
  project.provide('webDistDir', copy)
  return () => fs.rmSync(copy, { recursive: true, force: true })
}
