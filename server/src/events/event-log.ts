import { v7 as uuidv7 } from 'uuid'
import type { Db } from '../db/database.ts'
import { insertRows } from '../records/insert-rows.ts'
import { eventJobType, eventSubscribers, subscriberMatches } from './event-subscribers.ts'
import { enqueueJobs, type JobInput } from './job-queue.ts'

export type RecordEventType = 'created' | 'updated' | 'deleted' | 'restored'

export interface FieldChange {
  before: unknown
  after: unknown
}

export interface RecordEventInput {
  workspaceId: string
  object: string
  recordId: string
  // Open to other types (merged, imported, ...) without a schema change.
  type: RecordEventType | string
  /** For 'updated': only the fields that changed. */
  changes?: Record<string, FieldChange> | null
  actorId?: string | null
}

export interface StoredEvent extends RecordEventInput {
  id: string
  createdAt: Date
}

/**
 * Inside the caller's transaction: stores the events and enqueues one job per matching subscriber,
 * so a write, its events and their deliveries commit or vanish together. Returns the event ids, in order.
 * One statement for the events and one for the jobs whatever the count; no jobs when nobody subscribes.
 */
export async function appendEvents(trx: Db, events: RecordEventInput[]): Promise<string[]> {
  if (events.length === 0) return []
  // Called outside a transaction, the two inserts still have to be atomic.
  if (!trx.isTransaction) return trx.transaction().execute((inner) => appendEvents(inner, events))
  // v7: ids sort by time, so a workspace's events come back in the order they happened.
  const ids = events.map(() => uuidv7())
  // One JSON parameter (changes nested as objects): per-column arrays went through pg's array-literal
  // escaping, several string copies per event, the largest allocation of a bulk write such as an import.
  await insertRows(trx, 'events', events.map((event, index) => ({
    workspace_id: event.workspaceId, id: ids[index], object: event.object, record_id: event.recordId,
    type: event.type, changes: event.changes ?? null, actor_id: event.actorId ?? null,
  })))
  const subscribers = eventSubscribers()
  if (subscribers.length > 0) {
    const jobs: JobInput[] = []
    events.forEach((event, index) => {
      for (const subscriber of subscribers) {
        if (subscriberMatches(subscriber, event)) jobs.push({ workspaceId: event.workspaceId, type: eventJobType(subscriber), payload: { eventId: ids[index] } })
      }
    })
    await enqueueJobs(trx, jobs)
  }
  return ids
}

/** One stored event, or undefined. */
export async function loadEvent(trx: Db, workspaceId: string, eventId: string): Promise<StoredEvent | undefined> {
  const row = await trx.selectFrom('events').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', eventId).executeTakeFirst()
  return row && toStoredEvent(row)
}

/** A record's history, oldest first. */
export async function listRecordEvents(trx: Db, workspaceId: string, object: string, recordId: string): Promise<StoredEvent[]> {
  const rows = await trx
    .selectFrom('events')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('object', '=', object)
    .where('record_id', '=', recordId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map(toStoredEvent)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toStoredEvent(row: any): StoredEvent {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    object: row.object,
    recordId: row.record_id,
    type: row.type,
    changes: row.changes,
    actorId: row.actor_id,
    createdAt: row.created_at,
  }
}
