/** Submissions per client within a sliding window, in memory (one server process answers the forms). */
export class SubmissionRateLimit {
  private readonly recent = new Map<string, number[]>()
  constructor(private readonly max: number, private readonly windowMs: number) {}

  /** Counts a submission; when over the limit, the seconds until the oldest one leaves the window. */
  take(key: string, now: Date): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const since = now.getTime() - this.windowMs
    const kept = (this.recent.get(key) ?? []).filter((at) => at > since)
    if (kept.length >= this.max) {
      this.recent.set(key, kept)
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((kept[0] - since) / 1000)) }
    }
    kept.push(now.getTime())
    this.recent.set(key, kept)
    if (this.recent.size > 10_000) this.forgetIdle(since)
    return { allowed: true }
  }

  // A busy server sees many addresses once; keep only those still inside the window.
  private forgetIdle(since: number) {
    for (const [key, times] of this.recent) if (times[times.length - 1] <= since) this.recent.delete(key)
  }
}
