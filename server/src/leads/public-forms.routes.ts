import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from '../errors/app-error.ts'
import { errorBody } from '../http/error-handler.ts'
import type { AppServices } from '../http/request-context.ts'
import { takeHit, type RateLimit } from '../rate-limits/rate-limit.ts'
import { formDefinition } from './web-form-definition.ts'
import { embedScript } from './web-form-embed-script.ts'
import { originAllowed } from './web-form-origins.ts'
import { findPublicForm, submitWebForm, type PublicForm } from './web-form-submit.ts'

// Submissions per visitor's address to one workspace's forms.
const SUBMISSION_LIMIT: RateLimit = { name: 'web-form', max: 10, windowMs: 60_000 }

// Public: visitors of the workspace's web site, who never sign in. Each route opts out of
// authentication below and is limited to one form, found by its token.
const PUBLIC = { config: { public: true } }

/** Lets the embedding page read the answer: its origin, when the form allows that site. */
function allowOrigin(reply: FastifyReply, form: PublicForm, origin: string | undefined) {
  reply.header('vary', 'Origin')
  if (!origin) return
  if (!originAllowed(form.form.allowed_origins as string | null, origin)) {
    throw new AppError('FORBIDDEN', [{ field: 'origin', code: 'origin_not_allowed' }])
  }
  reply.header('access-control-allow-origin', origin)
}

async function formOf(services: AppServices, request: FastifyRequest): Promise<PublicForm> {
  const found = await findPublicForm(services.database.db, (request.params as { token: string }).token)
  if (!found) throw new AppError('NOT_FOUND')
  return found
}

/** Web-form capture: the embeddable script, the form's definition, and submission (CORS, rate limit). */
export function registerPublicFormRoutes(app: FastifyInstance, services: AppServices) {
  // <script src="https://crm.example.com/f/<token>.js"></script> on any page draws the form there.
  app.get('/f/:file', PUBLIC, async (request, reply) => {
    const { file } = request.params as { file: string }
    const found = file.endsWith('.js') ? await findPublicForm(services.database.db, file.slice(0, -3)) : undefined
    reply.type('application/javascript; charset=utf-8').header('vary', 'Accept-Language').header('x-content-type-options', 'nosniff')
    if (!found) return reply.status(404).send('/* Rapport: this form does not exist or is switched off. */\n')
    const definition = formDefinition(found.form, found.catalog.get('leads'), request.locale)
    return reply.header('cache-control', 'public, max-age=60').send(embedScript(definition))
  })

  // For sites that draw their own form: the fields, labels and texts, in the visitor's language.
  app.get('/api/public/forms/:token', PUBLIC, async (request, reply) => {
    const found = await formOf(services, request)
    allowOrigin(reply, found, request.headers.origin)
    return formDefinition(found.form, found.catalog.get('leads'), request.locale)
  })

  app.options('/api/public/forms/:token', PUBLIC, async (request, reply) => {
    const found = await formOf(services, request)
    allowOrigin(reply, found, request.headers.origin)
    return reply.status(204)
      .header('access-control-allow-methods', 'GET, POST')
      .header('access-control-allow-headers', 'content-type, accept-language')
      .header('access-control-max-age', '600')
      .send()
  })

  app.post('/api/public/forms/:token', PUBLIC, async (request, reply) => {
    const found = await formOf(services, request)
    allowOrigin(reply, found, request.headers.origin)
    const taken = await takeHit(services.database.db, SUBMISSION_LIMIT, { workspaceId: found.workspaceId, key: request.ip }, services.now())
    if (!taken.allowed) {
      const refusal = new AppError('RATE_LIMITED', [{ field: 'form', code: 'too_many_submissions', params: { seconds: taken.retryAfterSeconds } }])
      return reply.status(429).header('retry-after', String(taken.retryAfterSeconds)).send(errorBody(refusal, request.locale))
    }
    await submitWebForm(services.database.db, found, request.body, request.locale, services.now())
    const definition = formDefinition(found.form, found.catalog.get('leads'), request.locale)
    return reply.status(201).send({ message: definition.texts.success })
  })
}
