import type { FastifyInstance, FastifyReply } from 'fastify'
import { v7 as uuidv7 } from 'uuid'
import { AppError } from '../errors/app-error.ts'
import { isUuid } from '../metadata/field-types/reference-types.ts'
import { callerOf, recordContextOf, type AppServices } from '../http/request-context.ts'
import { getRecord } from '../records/get-record.ts'
import { clearHits, NO_WORKSPACE_ID, takeHit, type RateLimit } from '../rate-limits/rate-limit.ts'
import { createWorkspace } from '../workspaces/create-workspace.ts'
import { callerCache } from './caller-cache.ts'
import { apiKeyCacheKeyOfHash, sessionCacheKey } from './load-actor.ts'
import { verifyPassword } from './password-hashing.ts'
import { API_KEY_PREFIX, newToken, SESSION_COOKIE, SESSION_DAYS, sha256, workspaceOfToken } from './tokens.ts'

const credentials = {
  type: 'object',
  required: ['email', 'password'],
  properties: { email: { type: 'string', maxLength: 254 }, password: { type: 'string', maxLength: 200 }, workspace: { type: 'string', maxLength: 100 } },
} as const

// Failed sign-ins per address and email; a success clears them.
const SIGN_IN_LIMIT: RateLimit = { name: 'sign-in', max: 10, windowMs: 15 * 60_000 }

export function registerAuthRoutes(app: FastifyInstance, services: AppServices) {
  const db = services.database.db

  async function startSession(reply: FastifyReply, workspaceId: string, userId: string) {
    const token = newToken(workspaceId)
    const expires = new Date(services.now().getTime() + SESSION_DAYS * 86_400_000)
    await db.insertInto('sessions').values({ workspace_id: workspaceId, token_hash: sha256(token), user_id: userId, expires_at: expires }).execute()
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: services.config.secureCookies, expires })
  }

  app.post('/api/auth/sign-up', {
    config: { public: true },
    schema: {
      body: {
        type: 'object',
        required: ['workspace', 'name', 'email', 'password'],
        properties: { ...credentials.properties, workspace: { type: 'string', minLength: 1, maxLength: 100 }, name: { type: 'string', minLength: 1, maxLength: 100 } },
      },
    },
  }, async (request, reply) => {
    if (!services.config.signUpEnabled) throw new AppError('SIGN_UP_DISABLED')
    const body = request.body as { workspace: string; name: string; email: string; password: string }
    const created = await createWorkspace(db, { name: body.workspace, admin: { name: body.name, email: body.email, password: body.password }, locale: request.locale })
    await startSession(reply, created.workspaceId, created.adminId)
    return reply.status(201).send({ workspace: { id: created.workspaceId, slug: created.slug, name: body.workspace }, user: { id: created.adminId } })
  })

  app.post('/api/auth/sign-in', { config: { public: true }, schema: { body: credentials } }, async (request, reply) => {
    const body = request.body as { email: string; password: string; workspace?: string }
    const email = body.email.trim().toLowerCase()
    // Hashed: what was typed as an email (sometimes a password) is not kept in the clear.
    const attempt = { workspaceId: NO_WORKSPACE_ID, key: sha256(`${request.ip}|${email}`) }
    // Counted before the password is checked, so parallel guesses cannot slip past the limit; a success clears it.
    const taken = await takeHit(db, SIGN_IN_LIMIT, attempt, services.now())
    if (!taken.allowed) {
      reply.header('retry-after', String(taken.retryAfterSeconds))
      throw new AppError('RATE_LIMITED')
    }
    const candidates = await db
      .selectFrom('sign_in_directory as d')
      .innerJoin('workspaces as w', 'w.id', 'd.workspace_id')
      .innerJoin('users as u', (join) => join.onRef('u.workspace_id', '=', 'd.workspace_id').onRef('u.id', '=', 'd.user_id'))
      .select(['d.workspace_id', 'd.user_id', 'u.password_hash', 'w.slug'])
      .where('d.email', '=', email)
      .where('u.deleted_at', 'is', null)
      .$if(Boolean(body.workspace), (q) => q.where('w.slug', '=', body.workspace!))
      .orderBy('w.created_at')
      .execute()
    for (const candidate of candidates) {
      if (await verifyPassword(body.password, candidate.password_hash)) {
        await clearHits(db, SIGN_IN_LIMIT, attempt)
        await startSession(reply, candidate.workspace_id, candidate.user_id)
        return { workspace: { id: candidate.workspace_id, slug: candidate.slug }, user: { id: candidate.user_id } }
      }
    }
    if (candidates.length === 0) await verifyPassword(body.password, undefined)
    throw new AppError('INVALID_CREDENTIALS')
  })

  app.get('/api/auth/options', { config: { public: true } }, async () => ({ signUp: services.config.signUpEnabled }))

  app.post('/api/auth/sign-out', { config: { public: true } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE]
    const workspaceId = token ? workspaceOfToken(token) : undefined
    if (token && workspaceId) {
      await db.deleteFrom('sessions').where('workspace_id', '=', workspaceId).where('token_hash', '=', sha256(token)).execute()
      callerCache.forget(sessionCacheKey(token))
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' })
    return reply.status(204).send()
  })

  app.get('/api/auth/me', async (request) => {
    const ctx = await recordContextOf(services, request)
    const user = await getRecord(ctx, ctx.catalog.get('users'), ctx.actor.userId)
    const workspace = await db.selectFrom('workspaces').select(['id', 'name', 'slug']).where('id', '=', ctx.actor.workspaceId).executeTakeFirstOrThrow()
    return { user, workspace, role: ctx.actor.role, permissions: ctx.actor.permissions }
  })

  app.post('/api/auth/api-keys', {
    schema: { body: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1, maxLength: 100 } } } },
  }, async (request, reply) => {
    const { actor } = callerOf(request)
    const token = newToken(actor.workspaceId, API_KEY_PREFIX)
    const id = uuidv7()
    await db.insertInto('api_keys').values({ workspace_id: actor.workspaceId, id, name: (request.body as { name: string }).name, key_hash: sha256(token), user_id: actor.userId }).execute()
    // The key is shown once; only its hash is kept.
    return reply.status(201).send({ id, key: token })
  })

  app.delete('/api/auth/api-keys/:id', async (request, reply) => {
    const { actor } = callerOf(request)
    const { id } = request.params as { id: string }
    if (!isUuid(id)) throw new AppError('NOT_FOUND')
    const revoked = await db.updateTable('api_keys').set({ revoked_at: new Date() })
      .where('workspace_id', '=', actor.workspaceId).where('id', '=', id).where('user_id', '=', actor.userId).returning('key_hash').executeTakeFirst()
    if (!revoked) throw new AppError('NOT_FOUND')
    callerCache.forget(apiKeyCacheKeyOfHash(revoked.key_hash))
    return reply.status(204).send()
  })
}
