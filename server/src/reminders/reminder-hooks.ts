import { registerHooks } from '../records/record-hooks.ts'
import { nowOf } from '../records/record-context.ts'

const MINUTE = 60_000
const INPUTS = ['remind_at', 'reminder_minutes', 'due_at', 'done']

/** When an activity's reminder is due: its own time, else `reminder_minutes` before it is due; none once done. */
export function nextReminderAt(values: Record<string, unknown>): string | null {
  if (values.done === true) return null
  if (typeof values.remind_at === 'string') return values.remind_at
  if (typeof values.due_at === 'string' && typeof values.reminder_minutes === 'number') {
    return new Date(Date.parse(values.due_at) - values.reminder_minutes * MINUTE).toISOString()
  }
  return null
}

/**
 * Activities keep the time of their next reminder (the reminder job reads it) and an `overdue` flag
 * (open and past due) that lists and filters can use; the job raises the flag as time passes.
 */
registerHooks('activities', {
  async beforeWrite(_trx, ctx, change) {
    if (change.op !== 'create' && change.op !== 'update') return
    if (change.op === 'update' && !INPUTS.some((name) => name in change.values)) return
    const merged = { ...(change.before ?? {}), ...change.values }
    const next = nextReminderAt(merged)
    if (next !== (change.before?.next_reminder_at ?? null)) change.values.next_reminder_at = next
    const overdue = merged.done !== true && typeof merged.due_at === 'string' && Date.parse(merged.due_at) < nowOf(ctx).getTime()
    if (change.op === 'create' || overdue !== (change.before?.overdue ?? false)) change.values.overdue = overdue
  },
})
