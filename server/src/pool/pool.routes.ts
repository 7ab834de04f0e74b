import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors/app-error.ts'
import { callerOf, recordContextOf, type AppServices } from '../http/request-context.ts'
import { checkRulesChange, readCustomerRules, writeCustomerRules } from './customer-rules.ts'
import { claimAccount, heldClaims, releaseAccount } from './pool-service.ts'

/** The customer pool (公海): claim, release, and the workspace's pool and silent-customer rules. */
export function registerPoolRoutes(app: FastifyInstance, services: AppServices) {
  const db = services.database.db

  app.post('/api/v1/accounts/:id/claim', async (request) => {
    const ctx = await recordContextOf(services, request)
    return claimAccount(ctx, (request.params as { id: string }).id)
  })

  app.post('/api/v1/accounts/:id/release', async (request) => {
    const ctx = await recordContextOf(services, request)
    return releaseAccount(ctx, (request.params as { id: string }).id)
  })

  // Readable by every member (the pool page shows the limit and how many the caller holds).
  app.get('/api/v1/pool/settings', async (request) => {
    const { actor } = callerOf(request)
    const rules = await readCustomerRules(db, actor.workspaceId)
    return { ...rules, held_claims: await heldClaims(db, actor.workspaceId, actor.userId) }
  })

  app.patch('/api/v1/pool/settings', async (request) => {
    const { actor } = callerOf(request)
    if (actor.role !== 'admin') throw new AppError('FORBIDDEN')
    return db.transaction().execute(async (trx) => {
      await trx.selectFrom('workspaces').select('id').where('id', '=', actor.workspaceId).forUpdate().execute()
      const rules = checkRulesChange(await readCustomerRules(trx, actor.workspaceId), request.body)
      await writeCustomerRules(trx, actor.workspaceId, rules)
      return rules
    })
  })
}
