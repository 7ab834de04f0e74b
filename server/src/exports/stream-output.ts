import type { Writable } from 'node:stream'

/** The client went away mid-export: stop reading records. */
export class ExportAborted extends Error {}

/** Resolves once the stream wants more data (or is gone): the export never runs ahead of the client. */
export function drained(out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new ExportAborted())
  if (!out.writableNeedDrain) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const done = () => {
      out.off('drain', done)
      out.off('close', done)
      if (out.destroyed) reject(new ExportAborted())
      else resolve()
    }
    out.on('drain', done)
    out.on('close', done)
  })
}

/** Writes text, then waits while the stream's buffer is full. */
export async function writeText(out: Writable, text: string): Promise<void> {
  if (out.destroyed) throw new ExportAborted()
  if (text) out.write(text)
  await drained(out)
}
