import { sql } from 'kysely'
import { Decimal } from 'decimal.js'
import type { Db } from '../db/database.ts'
import { everyWorkspaceJob, type ScheduledJobs } from '../maintenance/every-workspace-job.ts'
import { currencyField } from '../metadata/field-types/numeric-types.ts'
import { notifyUsers } from '../notifications/notification-store.ts'
import { jobContext, writeMaintainedFields } from '../approvals/system-writes.ts'
import { localParts } from '../suggestions/workspace-time.ts'

export const INSTALMENT_OVERDUE_JOB = 'payments.instalment-overdue'

interface DueRow {
  id: string
  name: string | null
  due_date: unknown
  amount: string
  paid: string | null
  currency: string
  status: string | null
  contract_id: string | null
  contract_name: string | null
  notify_id: string | null
}

const money = (amount: string, currency: string) => currencyField.format!({ amount, currency }, { name: 'amount', type: 'currency', label: { en: '', 'zh-CN': '' } }, 'zh-CN')

/**
 * Marks unpaid instalments past their due day (the workspace's local day) overdue and tells the
 * contract's owner (else the plan's, else the instalment's) once per instalment and due date.
 */
export async function markOverdueInstalments(trx: Db, workspaceId: string, timeZone: string, clock: () => Date): Promise<number> {
  const now = clock()
  const today = localParts(now, timeZone).day
  const rows = await sql<DueRow>`
    select i.id, i.name, i.due_date, i.amount::text as amount, coalesce(i.paid_amount, 0)::text as paid, coalesce(i.amount_currency, 'CNY') as currency, i.status,
      i.contract_id, c.name as contract_name, coalesce(c.owner_id, p.owner_id, i.owner_id) as notify_id
    from payment_instalments i
    left join contracts c on c.workspace_id = i.workspace_id and c.id = i.contract_id
    left join payment_plans p on p.workspace_id = i.workspace_id and p.id = i.plan_id
    where i.workspace_id = ${workspaceId} and i.deleted_at is null and i.due_date < ${today}::date and coalesce(i.paid_amount, 0) < i.amount
    order by i.due_date limit 5000`.execute(trx)
  if (rows.rows.length === 0) return 0
  const ctx = await jobContext(trx, workspaceId, clock)
  const instalments = ctx.catalog.get('payment_instalments')
  for (const row of rows.rows) {
    if (row.status !== 'overdue') await writeMaintainedFields(trx, ctx, instalments, row.id, { status: 'overdue' })
  }
  const dueDay = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10))
  return notifyUsers(trx, rows.rows.filter((row) => row.notify_id).map((row) => ({
    workspaceId, userId: row.notify_id!, kind: 'instalment_overdue' as const,
    titleKey: 'notification.instalment_overdue.title', bodyKey: 'notification.instalment_overdue.body',
    params: {
      contract: row.contract_name ?? row.name ?? '', instalment: row.name ?? dueDay(row.due_date), date: dueDay(row.due_date),
      amount: money(row.amount, row.currency), outstanding: money(new Decimal(row.amount).minus(row.paid ?? '0').toFixed(2), row.currency),
    },
    object: row.contract_id ? 'contracts' : 'payment_instalments', recordId: row.contract_id ?? row.id,
    dedupeKey: `instalment_overdue:${row.id}:${dueDay(row.due_date)}`, createdAt: now,
  })))
}

/** Hourly, so an instalment turns overdue within an hour of the workspace's midnight; the clock is the job's. */
export function instalmentOverdueJobs(clock: () => Date): ScheduledJobs {
  return everyWorkspaceJob(INSTALMENT_OVERDUE_JOB, 60 * 60 * 1000, clock, (trx, workspaceId, settings, now) => markOverdueInstalments(trx, workspaceId, settings.time_zone, () => now))
}
