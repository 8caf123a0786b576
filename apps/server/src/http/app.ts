import { OpenAPIHono } from '@hono/zod-openapi'
import { compress } from 'hono/compress'

import { DEPRECATIONS, type Deprecations } from '@smartsteps/contracts'

import type { Services } from '../composition.js'
import type { Config } from '../config/schema.js'
import type { Logger } from '../logger.js'
import type { AppEnv } from './env.js'
import { handleError, validationHook } from './errors.js'
import { authenticate } from './middleware/authenticate.js'
import { limitBody, refuseJsonHazards, requireJsonBody } from './middleware/body-guard.js'
import { cors } from './middleware/cors.js'
import { announceDeprecations } from './middleware/deprecation.js'
import { noStore } from './middleware/no-store.js'
import { limitByAddress, limitByCaller } from './middleware/rate-limit.js'
import { requestContext } from './middleware/request-context.js'
import { securityHeaders } from './middleware/security-headers.js'
import { buildOpenApiDocument, registerSecuritySchemes } from './openapi.js'
import { registerAnalysisRoutes } from './routes/analysis.js'
import { registerApiKeyRoutes } from './routes/api-keys.js'
import { registerAuthRoutes } from './routes/auth.js'
import { registerAvatarRoutes } from './routes/avatars.js'
import { registerClientRoutes } from './routes/clients.js'
import { registerCurrentCallerRoutes } from './routes/current-caller.js'
import { registerDocsRoutes } from './routes/docs.js'
import { registerHealthRoutes } from './routes/health.js'
import { registerMessageRoutes } from './routes/messages.js'
import { registerNoteRoutes } from './routes/notes.js'
import { registerPasswordRoutes } from './routes/passwords.js'
import { registerPersonaRoutes } from './routes/personas.js'
import { registerRealtimeRoutes } from './routes/realtime.js'
import { registerSessionRoutes } from './routes/sessions.js'
import { registerUserRoutes } from './routes/users.js'
import { unmatchedRouteHandler } from './unmatched-routes.js'

const PUBLIC_API_PATHS = new Set([
  '/api/v1/auth/login',
  '/api/v1/auth/refresh',
  '/api/v1/auth/logout',
  '/api/v1/auth/password/reset',
  '/api/v1/auth/password/reset/confirm',
])

/** Registers every documented route; the OpenAPI document is read off the same objects. */
export function registerRoutes(app: OpenAPIHono<AppEnv>, services: Services) {
  registerHealthRoutes(app, services)
  registerAuthRoutes(app, services)
  registerPasswordRoutes(app, services)
  registerCurrentCallerRoutes(app, services)
  registerUserRoutes(app, services)
  registerApiKeyRoutes(app, services)
  registerClientRoutes(app, services)
  registerPersonaRoutes(app, services)
  registerSessionRoutes(app, services)
  registerMessageRoutes(app, services)
  registerNoteRoutes(app, services)
  registerAnalysisRoutes(app, services)
  registerRealtimeRoutes(app, services)
  registerSecuritySchemes(app)
}

export interface AppOptions {
  /** The deprecated operations: the contracts' list unless a test brings its own. */
  deprecations?: Deprecations
}

export function createApp(
  services: Services,
  config: Config,
  logger: Logger,
  options: AppOptions = {},
) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  const tokens = authenticate(services.credentials)
  const deprecations = options.deprecations ?? DEPRECATIONS

  app.use('*', requestContext(logger, services.clientAddresses))
  app.use('*', securityHeaders(config.security.headers), cors(config.security.cors))
  app.use('/api/*', noStore())
  app.use('*', limitByAddress(services.rateLimiter))

  if (config.server.compression) {
    app.use('*', compress())
  }

  app.use('/api/*', limitBody(config.server.body_limit_bytes), requireJsonBody())
  app.use('/api/v1/*', (c, next) => (PUBLIC_API_PATHS.has(c.req.path) ? next() : tokens(c, next)))
  app.use('*', limitByCaller(services.rateLimiter), announceDeprecations(deprecations))

  // Only now, with the caller known and counted, is a body worth parsing.
  app.use('/api/*', refuseJsonHazards())

  registerRoutes(app, services)

  const document = buildOpenApiDocument(app, deprecations)

  app.get('/api/openapi.json', (c) => c.json(document))
  registerDocsRoutes(app)
  registerAvatarRoutes(app, config.personas.path)

  app.notFound(unmatchedRouteHandler(app.routes))
  app.onError(handleError)

  return app
}
