import { OpenAPIHono } from '@hono/zod-openapi'
import { compress } from 'hono/compress'

import type { Services } from '../composition.js'
import type { Config } from '../config/schema.js'
import type { Logger } from '../logger.js'
import type { AppEnv } from './env.js'
import { errorResponse, handleError, validationHook } from './errors.js'
import { authenticate } from './middleware/authenticate.js'
import { limitBody, requireJsonBody } from './middleware/body-guard.js'
import { requestContext } from './middleware/request-context.js'
import { buildOpenApiDocument, registerSecuritySchemes } from './openapi.js'
import { registerAnalysisRoutes } from './routes/analysis.js'
import { registerAuthRoutes } from './routes/auth.js'
import { registerAvatarRoutes } from './routes/avatars.js'
import { registerClientRoutes } from './routes/clients.js'
import { registerDocsRoutes } from './routes/docs.js'
import { registerHealthRoutes } from './routes/health.js'
import { registerMessageRoutes } from './routes/messages.js'
import { registerNoteRoutes } from './routes/notes.js'
import { registerPersonaRoutes } from './routes/personas.js'
import { registerRealtimeRoutes } from './routes/realtime.js'
import { registerSessionRoutes } from './routes/sessions.js'
import { registerUserRoutes } from './routes/users.js'

const PUBLIC_API_PATHS = new Set(['/api/v1/auth/login', '/api/v1/auth/refresh'])

/** Registers every documented route; the OpenAPI document is read off the same objects. */
export function registerRoutes(app: OpenAPIHono<AppEnv>, services: Services) {
  registerHealthRoutes(app, services)
  registerAuthRoutes(app, services)
  registerUserRoutes(app, services)
  registerClientRoutes(app, services)
  registerPersonaRoutes(app, services)
  registerSessionRoutes(app, services)
  registerMessageRoutes(app, services)
  registerNoteRoutes(app, services)
  registerAnalysisRoutes(app, services)
  registerRealtimeRoutes(app, services)
  registerSecuritySchemes(app)
}

export function createApp(services: Services, config: Config, logger: Logger) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  const tokens = authenticate(services.credentials)

  app.use('*', requestContext(logger))

  if (config.server.compression) {
    app.use('*', compress())
  }

  app.use('/api/*', limitBody(config.server.body_limit_bytes), requireJsonBody())
  app.use('/api/v1/*', (c, next) => (PUBLIC_API_PATHS.has(c.req.path) ? next() : tokens(c, next)))

  registerRoutes(app, services)

  const document = buildOpenApiDocument(app)

  app.get('/api/openapi.json', (c) => c.json(document))
  registerDocsRoutes(app)
  registerAvatarRoutes(app, config.personas.path)

  app.notFound((c) =>
    errorResponse(c, 'resource_not_found', `No route for ${c.req.method} ${c.req.path}`),
  )
  app.onError(handleError)

  return app
}
