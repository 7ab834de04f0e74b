/** Milliseconds to wait before the next try, given how many attempts have failed so far (1 after the first). */
export type Backoff = (failedAttempts: number) => number

export interface ExponentialBackoffOptions {
  baseMs?: number
  maxMs?: number
  /** Injected so tests can pin the jitter. */
  random?: () => number
}

/**
 * base·2^(n−1), capped, with "equal jitter": at least half the delay is kept (so retries really back off)
 * and the other half is random (so jobs that failed together do not retry in lockstep).
 */
export function exponentialBackoff({ baseMs = 1_000, maxMs = 60 * 60_000, random = Math.random }: ExponentialBackoffOptions = {}): Backoff {
  return (failedAttempts) => {
    const delay = Math.min(maxMs, baseMs * 2 ** Math.max(0, failedAttempts - 1))
    return Math.round(delay / 2 + random() * (delay / 2))
  }
}
