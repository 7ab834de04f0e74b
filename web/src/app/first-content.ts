import { useEffect, useState } from 'react'

/*
 * The first screen's own content (a list's first rows, a record) comes before secondary widgets
 * (notifications bell, export and import menus): those wait for it, so their code and requests do
 * not compete with it. A page that never reports its content still gets them after a short while.
 */
const FALLBACK_MS = 5000
let shown = false
const waiting = new Set<() => void>()

function release() {
  if (shown) return
  shown = true
  waiting.forEach((resume) => resume())
  waiting.clear()
}

/** Called by a page when its main content is rendered: the waiting widgets follow once it is painted. */
export function markFirstContent() {
  if (shown) return
  requestAnimationFrame(() => setTimeout(release, 0))
}

/** False until the page's first content is on screen (or the fallback delay passed). */
export function useAfterFirstContent(): boolean {
  const [ready, setReady] = useState(shown)
  useEffect(() => {
    if (ready) return
    const resume = () => setReady(true)
    waiting.add(resume)
    const timer = setTimeout(release, FALLBACK_MS)
    return () => {
      waiting.delete(resume)
      clearTimeout(timer)
    }
  }, [ready])
  return ready
}
