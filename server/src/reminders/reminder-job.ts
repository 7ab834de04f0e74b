import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { everyWorkspaceJob, type ScheduledJobs } from '../maintenance/every-workspace-job.ts'
import { translate, type Locale } from '../i18n/translate.ts'
import { sendMail } from '../mail/mailer.ts'
import { notifyUsers } from '../notifications/notification-store.ts'
import { localParts } from '../suggestions/workspace-time.ts'

export const ACTIVITY_REMINDER_JOB = 'activities.reminders'

interface DueReminder {
  id: string
  subject: string
  due_at: Date | null
  next_reminder_at: Date
  owner_id: string
  email: string | null
  locale: string | null
}

const when = (at: Date, timeZone: string) => {
  const local = localParts(at, timeZone)
  return `${local.day} ${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`
}

/**
 * Puts each due reminder in its owner's notifications (once: the key names the reminder time) and
 * emails it when the workspace can send mail; then flags open activities that went past due.
 */
export async function sendDueReminders(trx: Db, workspaceId: string, timeZone: string, now: Date): Promise<number> {
  const due = await sql<DueReminder>`
    select a.id, a.subject, a.due_at, a.next_reminder_at, a.owner_id, u.email, u.locale
    from activities a join users u on u.workspace_id = a.workspace_id and u.id = a.owner_id
    where a.workspace_id = ${workspaceId} and a.next_reminder_at <= ${now} and a.deleted_at is null and a.done is not true
    order by a.next_reminder_at limit 500`.execute(trx)
  let sent = 0
  for (const reminder of due.rows) {
    const params = { subject: reminder.subject, due: reminder.due_at ? when(new Date(reminder.due_at), timeZone) : '' }
    const created = await notifyUsers(trx, [{
      workspaceId, userId: reminder.owner_id, kind: 'activity_reminder', titleKey: 'notification.activity_reminder.title',
      bodyKey: reminder.due_at ? 'notification.activity_reminder.body' : undefined, params, object: 'activities', recordId: reminder.id,
      dedupeKey: `reminder:${reminder.id}:${new Date(reminder.next_reminder_at).getTime()}`, createdAt: now,
    }])
    await sql`update activities set next_reminder_at = null where workspace_id = ${workspaceId} and id = ${reminder.id}`.execute(trx)
    if (created === 0) continue
    sent++
    if (reminder.email) {
      const locale: Locale = reminder.locale === 'en' ? 'en' : 'zh-CN'
      const subject = translate(locale, 'notification.activity_reminder.title', params)
      const text = reminder.due_at ? translate(locale, 'notification.activity_reminder.body', params) : subject
      // The notification stands even when the mail server refuses; the next reminder tries again.
      await sendMail(trx, workspaceId, { to: reminder.email, subject, text }).catch((error: unknown) => console.error('reminder mail failed', error))
    }
  }
  await sql`
    update activities set overdue = true
    where workspace_id = ${workspaceId} and deleted_at is null and overdue is not true and done is not true and due_at < ${now}`.execute(trx)
  return sent
}

/** Every minute, over every workspace; the clock is the job's, so tests control it. */
export function reminderJobs(clock: () => Date): ScheduledJobs {
  return everyWorkspaceJob(ACTIVITY_REMINDER_JOB, 60 * 1000, clock, (trx, workspaceId, settings, now) => sendDueReminders(trx, workspaceId, settings.time_zone, now))
}
