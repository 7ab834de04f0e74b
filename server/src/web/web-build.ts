import { spawn } from 'node:child_process'
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

/** Builds the web app into web/dist, in a child process, when its sources changed since the last build (a couple of seconds). */
export async function ensureWebBuild(log: (line: string) => void = console.log): Promise<void> {
  const stamp = hashSources()
  if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === stamp && fs.existsSync(path.join(webDistDir, 'index.html'))) return
  log('Building the web app…')
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(import.meta.dirname, 'web-bundle-build.js')], { stdio: 'inherit' })
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`building the web app failed (exit code ${code})`))))
  })
  fs.writeFileSync(STAMP, stamp)
}
