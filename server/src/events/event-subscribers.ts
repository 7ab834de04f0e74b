import type { Db } from '../db/database.ts'
import type { StoredEvent } from './event-log.ts'

export interface EventSubscriber {
  /** Stable: it is stored in the job type `event:<name>`, so renaming one orphans its pending jobs. */
  name: string
  /** Only events of these objects; all objects when absent. */
  objects?: string[]
  /** Only events of these types; all types when absent. */
  types?: string[]
  /**
   * Runs in the job's own transaction: write through `trx` only (never the pool, which on PGlite is
   * the same single connection and would deadlock), and the writes commit together with the job.
   */
  handle(trx: Db, event: StoredEvent): Promise<void>
}

/** Job type prefix of the jobs that deliver an event to a subscriber. */
export const EVENT_JOB_PREFIX = 'event:'

// In-process: subscribers are code, registered at start-up by the modules that own them.
const subscribers = new Map<string, EventSubscriber>()

/** Registers a subscriber; returns a function that removes it again. */
export function registerEventSubscriber(subscriber: EventSubscriber): () => void {
  if (subscribers.has(subscriber.name)) throw new Error(`event subscriber "${subscriber.name}" is already registered`)
  subscribers.set(subscriber.name, subscriber)
  return () => {
    if (subscribers.get(subscriber.name) === subscriber) subscribers.delete(subscriber.name)
  }
}

/** Removes every subscriber (for tests). */
export function clearEventSubscribers(): void {
  subscribers.clear()
}

export function eventSubscribers(): EventSubscriber[] {
  return [...subscribers.values()]
}

export function eventSubscriber(name: string): EventSubscriber | undefined {
  return subscribers.get(name)
}

export function eventJobType(subscriber: EventSubscriber): string {
  return EVENT_JOB_PREFIX + subscriber.name
}

export function subscriberMatches(subscriber: EventSubscriber, event: { object: string; type: string }): boolean {
  return (!subscriber.objects || subscriber.objects.includes(event.object)) && (!subscriber.types || subscriber.types.includes(event.type))
}
