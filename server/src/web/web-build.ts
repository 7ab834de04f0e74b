import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export const projectRoot = path.resolve(import.meta.dirname, '../../..')
export const webDistDir = path.join(projectRoot, 'web', 'dist')
const STAMP = path.join(webDistDir, '.build-stamp')
/** What the browser bundle is made of: its own sources and the server code it shares (field types, messages). */
const SOURCES = ['web/src', 'web/index.html', 'web/vite.config.ts', 'server/src', 'package-lock.json']

function hashSources(): string {
  const hash = crypto.createHash('sha256')
  const visit = (relative: string) => {
    const absolute = path.join(projectRoot, relative)
    if (!fs.existsSync(absolute)) return
    if (fs.statSync(absolute).isDirectory()) {
      for (const entry of fs.readdirSync(absolute).sort()) visit(path.join(relative, entry))
      return
    }
    if (/\.test\.tsx?$/.test(relative)) return
    hash.update(relative).update(fs.readFileSync(absolute))
  }
  SOURCES.forEach(visit)
  return hash.digest('hex')
}

/** Builds the web app into web/dist when its sources changed since the last build (a couple of seconds). */
export async function ensureWebBuild(log: (line: string) => void = console.log): Promise<void> {
  const stamp = hashSources()
  if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === stamp && fs.existsSync(path.join(webDistDir, 'index.html'))) return
  log('Building the web app…')
  const { build } = await import('vite')
  // Always React's production build, even when called under a test runner (NODE_ENV=test).
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({ configFile: path.join(projectRoot, 'web', 'vite.config.ts'), mode: 'production', logLevel: 'warn' })
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = nodeEnv
  }
  fs.writeFileSync(STAMP, stamp)
}
