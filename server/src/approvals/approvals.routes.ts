import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError, type FieldError } from '../errors/app-error.ts'
import { recordContextOf, type AppServices } from '../http/request-context.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'
import type { RecordContext } from '../records/record-context.ts'
import { getRecord } from '../records/get-record.ts'
import { applicableRules, cancelApproval, decideApproval, submitApproval, type SubmitInput } from './approval-service.ts'
import { approvalQuery, approvalViews, listApprovals } from './approval-store.ts'
import { readApprovalSettings, writeApprovalSettings } from './quote-discount-rule.ts'

const MAX_COMMENT = 2000

function bodyOf(request: FastifyRequest, allowed: string[]): Record<string, unknown> {
  const body = request.body ?? {}
  if (typeof body !== 'object' || Array.isArray(body)) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'expected_object' }])
  const unknown = Object.keys(body).find((key) => !allowed.includes(key))
  if (unknown) throw new AppError('VALIDATION_FAILED', [{ field: unknown.slice(0, 64), code: 'unknown_field' }])
  return body as Record<string, unknown>
}

function commentOf(value: unknown, errors: FieldError[]): string | null {
  if (value === undefined || value === null || value === '') return null
  if (typeof value !== 'string') errors.push({ field: 'comment', code: 'expected_text' })
  else if (value.length > MAX_COMMENT) errors.push({ field: 'comment', code: 'too_long', params: { max: MAX_COMMENT } })
  else return value.trim() || null
  return null
}

function submitInput(request: FastifyRequest): SubmitInput {
  const body = bodyOf(request, ['object', 'record_id', 'rule_id', 'comment'])
  const errors: FieldError[] = []
  if (typeof body.object !== 'string' || body.object === '') errors.push({ field: 'object', code: body.object === undefined ? 'required' : 'expected_text' })
  if (body.record_id === undefined) errors.push({ field: 'record_id', code: 'required' })
  else if (!isUuid(body.record_id)) errors.push({ field: 'record_id', code: 'invalid_id' })
  if (body.rule_id !== undefined && body.rule_id !== null && !isUuid(body.rule_id)) errors.push({ field: 'rule_id', code: 'invalid_id' })
  const comment = commentOf(body.comment, errors)
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
  return { object: body.object as string, record_id: (body.record_id as string).toLowerCase(), rule_id: (body.rule_id as string | undefined)?.toLowerCase(), comment: comment ?? undefined }
}

async function viewOf(ctx: RecordContext, id: string) {
  const [view] = await approvalViews(ctx.db, ctx.actor, await listApprovals(approvalQuery(ctx.db, ctx.actor.workspaceId).where('id', '=', id)))
  return view
}

/** Approvals (审批): submit a record, decide or withdraw, the approver's inbox, a record's trail, and the quote-discount setting. */
export function registerApprovalRoutes(app: FastifyInstance, services: AppServices) {
  app.post('/api/v1/approvals', async (request, reply) => {
    const ctx = await recordContextOf(services, request)
    const id = await submitApproval(ctx, submitInput(request))
    return reply.status(201).send(await viewOf(ctx, id))
  })

  for (const decision of ['approve', 'reject'] as const) {
    app.post(`/api/v1/approvals/:id/${decision}`, async (request) => {
      const ctx = await recordContextOf(services, request)
      const errors: FieldError[] = []
      const comment = commentOf(bodyOf(request, ['comment']).comment, errors)
      if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
      const { id } = request.params as { id: string }
      await decideApproval(ctx, id, decision, comment)
      return viewOf(ctx, id.toLowerCase())
    })
  }

  app.post('/api/v1/approvals/:id/cancel', async (request) => {
    const ctx = await recordContextOf(services, request)
    const { id } = request.params as { id: string }
    await cancelApproval(ctx, id)
    return viewOf(ctx, id.toLowerCase())
  })

  // `box=mine` (default): pending and addressed to the caller; `box=submitted`: the caller's own requests.
  app.get('/api/v1/approvals/inbox', async (request) => {
    const ctx = await recordContextOf(services, request)
    const box = (request.query as { box?: unknown }).box ?? 'mine'
    if (box !== 'mine' && box !== 'submitted') throw new AppError('VALIDATION_FAILED', [{ field: 'box', code: 'invalid_option', params: { allowed: 'mine, submitted' } }])
    const { userId, role } = ctx.actor
    let query = approvalQuery(ctx.db, ctx.actor.workspaceId).orderBy('created_at', 'desc').limit(200)
    query = box === 'submitted'
      ? query.where('owner_id', '=', userId)
      : query.where('status', '=', 'pending').where((eb) => eb.or([eb('current_approver_id', '=', userId), eb('current_approver_role', '=', role)]))
    return { data: await approvalViews(ctx.db, ctx.actor, await listApprovals(query)) }
  })

  // A record's approval trail and the rules that apply to it now, for whoever may read the record.
  app.get('/api/v1/approvals/record/:object/:id', async (request) => {
    const ctx = await recordContextOf(services, request)
    const { object: name, id } = request.params as { object: string; id: string }
    const object = ctx.catalog.get(name)
    const record = await getRecord(ctx, object, id)
    const approvals = await listApprovals(approvalQuery(ctx.db, ctx.actor.workspaceId).where('related_object', '=', object.name)
      .where('related_id', '=', record.id).orderBy('created_at', 'desc'))
    const rules = await ctx.db.transaction().execute((trx) => applicableRules(trx, ctx, object, record.id))
    const open = (ruleId: string) => approvals.find((approval) => approval.rule_id === ruleId && ['pending', 'approved'].includes(approval.status))
    return {
      data: await approvalViews(ctx.db, ctx.actor, approvals),
      rules: rules.map((rule) => ({ id: rule.id, name: rule.name, status_field: rule.status_field, guarded_value: rule.guarded_value, state: open(rule.id)?.status ?? 'required' })),
    }
  })

  app.get('/api/v1/approvals/settings', async (request) => readApprovalSettings(await recordContextOf(services, request)))
  app.patch('/api/v1/approvals/settings', async (request) => writeApprovalSettings(await recordContextOf(services, request), request.body))
}
