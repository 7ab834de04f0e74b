import type { Caller } from './load-actor.ts'

const TTL_MS = 10_000
const MAX_ENTRIES = 10_000

interface Entry {
  caller: Caller
  expiresAt: number
}

/**
 * Who a session or API key belongs to, remembered for a few seconds so a request does not pay two
 * lookups before its real work. Changes made in this process (sign-out, a revoked key, a user's role
 * or team, new metadata) forget the affected entries at once; other processes see them within the TTL.
 */
class CallerCache {
  private readonly entries = new Map<string, Entry>()

  get(key: string, now: number): Caller | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (entry.expiresAt <= now) {
      this.entries.delete(key)
      return undefined
    }
    return entry.caller
  }

  set(key: string, caller: Caller, now: number, notAfter?: Date): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(key, { caller, expiresAt: Math.min(now + TTL_MS, notAfter?.getTime() ?? Infinity) })
  }

  forget(key: string): void {
    this.entries.delete(key)
  }

  forgetWhere(matches: (caller: Caller) => boolean): void {
    for (const [key, entry] of this.entries) if (matches(entry.caller)) this.entries.delete(key)
  }

  forgetUser(workspaceId: string, userId: string): void {
    this.forgetWhere(({ actor }) => actor.workspaceId === workspaceId && actor.userId === userId)
  }

  forgetWorkspace(workspaceId: string): void {
    this.forgetWhere(({ actor }) => actor.workspaceId === workspaceId)
  }
}

export const callerCache = new CallerCache()
