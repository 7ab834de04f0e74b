import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors/app-error.ts'

/**
 * Serves the built browser app: hashed assets cached for a year, every other non-API path answers
 * index.html so client routes (/o/contacts/…) survive a reload. Absent build → API only.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string) {
  const indexFile = path.join(distDir, 'index.html')
  if (!fs.existsSync(indexFile)) return
  await app.register(fastifyStatic, {
    root: path.join(distDir, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    immutable: true,
    maxAge: '365d',
  })
  const indexHtml = fs.readFileSync(indexFile)
  app.get('/*', { config: { public: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') throw new AppError('NOT_FOUND')
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml)
  })
}
