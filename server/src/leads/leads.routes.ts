import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors/app-error.ts'
import { callerOf, recordContextOf, type AppServices } from '../http/request-context.ts'
import { readAssignmentSettings, writeAssignmentSettings } from './assignment-settings.ts'
import { conversionPreview } from './conversion-preview.ts'
import { parseConversionRequest } from './conversion-request.ts'
import { convertLead } from './lead-conversion.ts'

/** Lead actions: conversion (and what it would find first), and the assignment's fallback owner. */
export function registerLeadRoutes(app: FastifyInstance, services: AppServices) {
  const db = services.database.db

  app.get('/api/v1/leads/:id/conversion', async (request) => {
    const ctx = await recordContextOf(services, request)
    return conversionPreview(ctx, (request.params as { id: string }).id)
  })

  app.post('/api/v1/leads/:id/convert', async (request) => {
    const ctx = await recordContextOf(services, request)
    return convertLead(ctx, (request.params as { id: string }).id, parseConversionRequest(request.body))
  })

  // Readable by every member (the rules page shows it); only administrators change it.
  app.get('/api/v1/lead-assignment/settings', async (request) => readAssignmentSettings(db, callerOf(request).actor.workspaceId))

  app.patch('/api/v1/lead-assignment/settings', async (request) => {
    const { actor } = callerOf(request)
    if (actor.role !== 'admin') throw new AppError('FORBIDDEN')
    return db.transaction().execute(async (trx) => {
      await trx.selectFrom('workspaces').select('id').where('id', '=', actor.workspaceId).forUpdate().execute()
      return writeAssignmentSettings(trx, actor.workspaceId, request.body)
    })
  })
}
