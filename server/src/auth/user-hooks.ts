import { sql } from 'kysely'
import { AppError } from '../errors/app-error.ts'
import { registerHooks } from '../records/record-hooks.ts'
import { callerCache } from './caller-cache.ts'
import { hashPassword, MIN_PASSWORD_LENGTH } from './password-hashing.ts'

/**
 * Users: a password given on create or update is hashed into a private column; the sign-in
 * directory follows the email; an email is used once per workspace.
 */
registerHooks('users', {
  extraInputs: ['password'],
  async beforeWrite(trx, ctx, change) {
    const password = change.extra.password
    if (password !== undefined) {
      if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH || password.length > 200) {
        throw new AppError('VALIDATION_FAILED', [{ field: `${change.pathPrefix}password`, code: 'weak_password', params: { min: MIN_PASSWORD_LENGTH } }])
      }
      change.privateColumns.password_hash = await hashPassword(password)
    }
    const email = change.values.email as string | undefined
    if (email) {
      const taken = await trx
        .selectFrom('users')
        .select('id')
        .where('workspace_id', '=', ctx.actor.workspaceId)
        .where('email', '=', email)
        .where('id', '<>', change.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      if (taken) throw new AppError('VALIDATION_FAILED', [{ field: `${change.pathPrefix}email`, code: 'taken' }])
    }
  },
  async afterWrite(trx, ctx, change, record) {
    // A new role, team or deactivation applies to the user's next request.
    callerCache.forgetUser(ctx.actor.workspaceId, change.id)
    const live = change.op !== 'delete'
    await sql`delete from sign_in_directory where workspace_id = ${ctx.actor.workspaceId} and user_id = ${change.id}`.execute(trx)
    if (live && record.email) {
      await trx.insertInto('sign_in_directory').values({ email: record.email, workspace_id: ctx.actor.workspaceId, user_id: change.id }).execute()
    }
  },
})
