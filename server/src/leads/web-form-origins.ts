/** The sites a form may be embedded in, one origin per line (or comma); undefined when one is not an origin. */
export function originList(text: string | null | undefined): string[] | undefined {
  const origins: string[] = []
  for (const line of (text ?? '').split(/[\s,，]+/).filter(Boolean)) {
    let url: URL
    try {
      url = new URL(line)
    } catch {
      return undefined
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname.length > 1 || url.search || url.hash) return undefined
    origins.push(url.origin)
  }
  return origins
}

/** Whether a browser on `origin` may post to the form (no list: any site; no Origin header: not a browser page). */
export function originAllowed(allowed: string | null, origin: string | undefined): boolean {
  const origins = originList(allowed) ?? []
  return origins.length === 0 || origin === undefined || origins.includes(origin.toLowerCase())
}
