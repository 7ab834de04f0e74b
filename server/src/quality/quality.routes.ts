import type { FastifyInstance } from 'fastify'
import { can } from '../access/record-access.ts'
import { AppError } from '../errors/app-error.ts'
import { recordContextOf, type AppServices } from '../http/request-context.ts'
import { COMPLETENESS_GROUPS, completenessSummary, recordCompleteness, type CompletenessGroup } from './completeness.ts'
import { defaultWeights, qualitySettingsOf, saveQualitySettings } from './quality-settings.ts'

/** Completeness scores (per record, the 完整率 KPI per owner or team) and the workspace's quality settings. */
export function registerQualityRoutes(app: FastifyInstance, services: AppServices) {
  app.get('/api/v1/:object/completeness', async (request) => {
    const ctx = await recordContextOf(services, request)
    const object = ctx.catalog.get((request.params as { object: string }).object)
    const query = request.query as Record<string, unknown>
    const groupBy = query.group_by
    if (groupBy !== undefined && !(COMPLETENESS_GROUPS as readonly unknown[]).includes(groupBy)) {
      throw new AppError('VALIDATION_FAILED', [{ field: 'group_by', code: 'invalid_option', params: { allowed: COMPLETENESS_GROUPS.join(', ') } }])
    }
    return completenessSummary(ctx, object, { groupBy: groupBy as CompletenessGroup | undefined, filter: query.filter })
  })

  app.get('/api/v1/:object/:id/completeness', async (request) => {
    const ctx = await recordContextOf(services, request)
    const params = request.params as { object: string; id: string }
    return recordCompleteness(ctx, ctx.catalog.get(params.object), params.id)
  })

  app.get('/api/v1/quality/settings/:object', async (request) => {
    const ctx = await recordContextOf(services, request)
    const object = ctx.catalog.get((request.params as { object: string }).object)
    if (!can(ctx.actor, object, 'read')) throw new AppError('FORBIDDEN')
    const settings = await qualitySettingsOf(ctx.db, ctx.actor.workspaceId, object)
    return { object: object.name, weights: settings.weights, custom_weights: settings.customWeights, default_weights: defaultWeights(object), stage_rules: settings.stageRules }
  })

  app.put('/api/v1/quality/settings/:object', async (request) => {
    const ctx = await recordContextOf(services, request)
    if (ctx.actor.role !== 'admin') throw new AppError('FORBIDDEN')
    const object = ctx.catalog.get((request.params as { object: string }).object)
    const settings = await saveQualitySettings(ctx.db, ctx.actor.workspaceId, ctx.actor.userId, object, request.body, services.now())
    return { object: object.name, weights: settings.weights, custom_weights: settings.customWeights, default_weights: defaultWeights(object), stage_rules: settings.stageRules }
  })
}
