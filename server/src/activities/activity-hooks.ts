import { sql } from 'kysely'
import { registerHooks } from '../records/record-hooks.ts'

// Records whose "last contact" moves when an activity linked to them is logged.
const TOUCHED: Array<{ field: string; table: string }> = [
  { field: 'account_id', table: 'accounts' },
  { field: 'contact_id', table: 'contacts' },
]

/** Logging an activity updates the last-contact time of the account and contact it concerns. */
registerHooks('activities', {
  async afterWrite(trx, ctx, change, record) {
    if (change.op !== 'create' && change.op !== 'update') return
    const at = record.created_at as string
    for (const { field, table } of TOUCHED) {
      const id = record[field] as string | null
      if (!id) continue
      await sql`
        update ${sql.table(table)} set last_activity_at = greatest(coalesce(last_activity_at, ${at}::timestamptz), ${at}::timestamptz)
        where workspace_id = ${ctx.actor.workspaceId} and id = ${id}`.execute(trx)
    }
  },
})
