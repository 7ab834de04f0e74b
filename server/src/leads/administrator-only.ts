import { AppError } from '../errors/app-error.ts'
import type { RecordContext } from '../records/record-context.ts'

/** Web forms and assignment rules shape what happens to every visitor and lead: administrators keep them. */
export function assertAdministrator(ctx: RecordContext) {
  if (ctx.actor.role !== 'admin') throw new AppError('FORBIDDEN')
}
