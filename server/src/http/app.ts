import fastifyCookie from '@fastify/cookie'
import Fastify, { type FastifyInstance } from 'fastify'
import qs from 'qs'
import { registerApprovalRoutes } from '../approvals/approvals.routes.ts'
import { registerContractRoutes } from '../contracts/contracts.routes.ts'
import { registerMailRoutes } from '../mail/mail.routes.ts'
import { registerQuoteRoutes } from '../quotes/quotes.routes.ts'
import { registerAuthRoutes } from '../auth/auth.routes.ts'
import { registerAuthentication } from '../auth/authenticate.ts'
import { registerAuditRoutes } from '../audit/audit.routes.ts'
import { registerDuplicateRoutes } from '../duplicates/duplicates.routes.ts'
import { registerExportRoutes } from '../exports/export.routes.ts'
import { registerImportRoutes } from '../imports/imports.routes.ts'
import { registerLeadRoutes } from '../leads/leads.routes.ts'
import { registerPublicFormRoutes } from '../leads/public-forms.routes.ts'
import { registerMetadataRoutes } from '../metadata/metadata.routes.ts'
import { registerNotificationRoutes } from '../notifications/notifications.routes.ts'
import { registerPaymentRoutes } from '../payments/payments.routes.ts'
import { registerPoolRoutes } from '../pool/pool.routes.ts'
import { registerOpenApiRoutes } from '../openapi/openapi.routes.ts'
import { registerAggregateRoutes } from '../records/aggregate.routes.ts'
import { registerQualityRoutes } from '../quality/quality.routes.ts'
import { registerRecordRoutes } from '../records/records.routes.ts'
import { registerPipelineRoutes } from '../pipelines/pipelines.routes.ts'
import { registerSalesAnalyticsRoutes } from '../sales-analytics/sales-analytics.routes.ts'
import { registerSegmentRoutes } from '../segments/segments.routes.ts'
import { registerSuggestionRoutes } from '../suggestions/suggestions.routes.ts'
import { registerTagRoutes } from '../tags/tags.routes.ts'
import { registerSearchRoutes } from '../search/search.routes.ts'
import { registerWebApp } from '../web/web-app.ts'
import { clientErrorHandler, frameworkErrorHandler, registerErrorHandling } from './error-handler.ts'
import { assertStorableText } from './text-guard.ts'
import type { AppServices } from './request-context.ts'

/** The HTTP application: every route tree, authenticated unless a route opts out. */
export async function buildApp(services: AppServices, options: { logger?: boolean; webDistDir?: string } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: services.config.trustProxy,
    bodyLimit: 5 * 1024 * 1024,
    // Long query strings reach our validation (and its localized 400) instead of Node's bare 431.
    http: { maxHeaderSize: 64 * 1024 },
    // filter[amount][gte]=100 → nested objects; bounded so a hostile query string stays cheap.
    routerOptions: {
      querystringParser: (text: string) => qs.parse(text, { depth: 3, arrayLimit: 500, parameterLimit: 1000 }),
      // Long ids reach the route and get our 404, not the router's 414.
      maxParamLength: 2000,
    },
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    ajv: { customOptions: { allErrors: true, coerceTypes: false, removeAdditional: false } },
  })
  registerErrorHandling(app)
  await app.register(fastifyCookie)
  registerAuthentication(app, services)
  app.addHook('preValidation', async (request) => {
    assertStorableText({ body: request.body, query: request.query, params: request.params })
  })

  app.get('/api/health', { config: { public: true } }, async () => {
    await services.database.db.selectNoFrom((eb) => eb.val(1).as('ok')).execute()
    return { status: 'ok', engine: services.database.engine }
  })
  registerAuthRoutes(app, services)
  registerMetadataRoutes(app, services)
  registerSearchRoutes(app, services)
  registerAggregateRoutes(app, services)
  registerSegmentRoutes(app, services)
  registerQualityRoutes(app, services)
  registerTagRoutes(app, services)
  registerPoolRoutes(app, services)
  registerLeadRoutes(app, services)
  registerPublicFormRoutes(app, services)
  registerNotificationRoutes(app, services)
  registerApprovalRoutes(app, services)
  registerPaymentRoutes(app, services)
  registerSuggestionRoutes(app, services)
  registerQuoteRoutes(app, services)
  registerContractRoutes(app, services)
  registerMailRoutes(app, services)
  registerAuditRoutes(app, services)
  registerDuplicateRoutes(app, services)
  registerExportRoutes(app, services)
  registerImportRoutes(app, services)
  registerPipelineRoutes(app, services)
  registerSalesAnalyticsRoutes(app, services)
  registerRecordRoutes(app, services)
  await registerOpenApiRoutes(app, services)
  if (options.webDistDir) await registerWebApp(app, options.webDistDir)
  return app
}
