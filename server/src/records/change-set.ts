import type { FieldChange } from '../events/event-log.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** Field-by-field before/after of a write, for the event log and the timeline. */
export function changedFields(object: ObjectSchema, before: Record<string, unknown> | undefined, after: Record<string, unknown>): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {}
  for (const [name, value] of Object.entries(after)) {
    if (!object.field(name)) continue
    const previous = before?.[name] ?? null
    if (!same(previous, value)) changes[name] = { before: previous, after: value }
  }
  return changes
}
