import { AppError } from '../errors/app-error.ts'
import { registerHooks } from '../records/record-hooks.ts'
import { conversionMarkOf } from './conversion-mark.ts'

/**
 * `converted` is a lead's status only through the Convert action, which also fills the read-only
 * conversion fields; a converted lead keeps that status (its account, contact and deal point back at it).
 * Both refusals are conflicts with the lead's process (409), not bad values: `converted` is a valid status.
 */
registerHooks('leads', {
  async beforeWrite(_trx, ctx, change) {
    if (change.op !== 'update') return
    const mark = conversionMarkOf(ctx)
    if (mark) {
      Object.assign(change.values, { status: 'converted', ...mark })
      return
    }
    if (!('status' in change.values)) return
    if (change.before?.status === 'converted') throw new AppError('CONFLICT', [{ field: `${change.pathPrefix}status`, code: 'lead_converted' }])
    if (change.values.status === 'converted') throw new AppError('CONFLICT', [{ field: `${change.pathPrefix}status`, code: 'convert_with_action' }])
  },
})
