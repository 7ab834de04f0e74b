import { createRequire } from 'node:module'
import type { FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'
import type { AppServices } from '../http/request-context.ts'
import { recordContextOf } from '../http/request-context.ts'
import { compileObject, Catalog } from '../metadata/object-catalog.ts'
import { standardObjects } from '../metadata/objects/index.ts'
import { buildOpenApiDocument } from './openapi-document.ts'

const require = createRequire(import.meta.url)
const swaggerUiDir: string = require('swagger-ui-dist').getAbsoluteFSPath()

const DOCS_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>Rapport API</title>
<link rel="stylesheet" href="/docs-assets/swagger-ui.css"></head>
<body><div id="api"></div><script src="/docs-assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`

const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#api', withCredentials: true })`

/** The OpenAPI document (the caller's workspace when signed in, else the standard objects) and its browsable reference. */
export async function registerOpenApiRoutes(app: FastifyInstance, services: AppServices) {
  const standardCatalog = new Catalog(standardObjects.map((definition) => compileObject(definition)))
  app.get('/api/openapi.json', { config: { public: true } }, async (request) => {
    const catalog = request.caller ? (await recordContextOf(services, request)).catalog : standardCatalog
    return buildOpenApiDocument(catalog, request.locale)
  })
  app.get('/api/docs', { config: { public: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(DOCS_PAGE))
  app.get('/api/docs/init.js', { config: { public: true } }, async (_request, reply) => reply.type('text/javascript').send(DOCS_INIT))
  await app.register(fastifyStatic, { root: swaggerUiDir, prefix: '/docs-assets/', decorateReply: false })
}
