/** Counts failed attempts per key within a window; in memory, as sign-in runs in one process. */
export class AttemptLimiter {
  private readonly failures = new Map<string, number[]>()
  constructor(private readonly max: number, private readonly windowMs: number) {}

  private recent(key: string, now: Date): number[] {
    const since = now.getTime() - this.windowMs
    const kept = (this.failures.get(key) ?? []).filter((at) => at > since)
    if (kept.length > 0) this.failures.set(key, kept)
    else this.failures.delete(key)
    return kept
  }

  blocked(key: string, now: Date): boolean {
    return this.recent(key, now).length >= this.max
  }

  fail(key: string, now: Date): void {
    this.failures.set(key, [...this.recent(key, now), now.getTime()])
  }

  reset(key: string): void {
    this.failures.delete(key)
  }
}
