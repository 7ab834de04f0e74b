import { appendEvents } from '../events/event-log.ts'
import { notifyUsers } from '../notifications/notification-store.ts'
import { nowOf } from '../records/record-context.ts'
import { registerHooks, type WriteChange } from '../records/record-hooks.ts'
import { notePending, settlePending } from './assignment-pick.ts'
import { assignLead, type Assignment } from './lead-assignment.ts'

const assignments = new WeakMap<WriteChange, Assignment>()

/**
 * A lead created without an owner (`owner_id: null` — web forms, API clients, imports with an empty
 * owner column) goes through the assignment rules; the new owner is told, and the lead's timeline
 * says who got it by which rule.
 */
registerHooks('leads', {
  async beforeWrite(trx, ctx, change) {
    if (change.op !== 'create' || change.values.owner_id !== null) return
    const assignment = await assignLead(trx, ctx.actor.workspaceId, change.values, nowOf(ctx))
    if (!assignment) return
    change.values.owner_id = assignment.assignee.id
    notePending(trx, assignment.assignee.id)
    assignments.set(change, assignment)
  },
  async afterWrite(trx, ctx, change, record) {
    const assignment = assignments.get(change)
    if (!assignment) return
    settlePending(trx, assignment.assignee.id)
    const { assignee, rule } = assignment
    await appendEvents(trx, [{
      workspaceId: ctx.actor.workspaceId,
      object: 'leads',
      recordId: record.id,
      type: rule ? 'assigned' : 'assigned_by_fallback',
      changes: {
        owner_id: { before: null, after: assignee.id },
        assignee: { before: null, after: assignee.name },
        rule: { before: null, after: rule?.name ?? null },
      },
      actorId: ctx.actor.userId,
    }])
    await notifyUsers(trx, [{
      workspaceId: ctx.actor.workspaceId,
      userId: assignee.id,
      kind: 'lead_assigned',
      titleKey: 'notification.lead_assigned.title',
      bodyKey: rule ? 'notification.lead_assigned.body' : 'notification.lead_assigned.fallback_body',
      params: { lead: String(record.name ?? ''), company: String(record.company ?? ''), rule: rule?.name ?? '' },
      object: 'leads',
      recordId: record.id,
      createdAt: nowOf(ctx),
    }])
  },
})
