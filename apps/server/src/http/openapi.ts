import type { OpenAPIHono } from '@hono/zod-openapi'

import { VERSION } from '../package-root.js'
import type { AppEnv } from './env.js'

export const OPENAPI_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'Smart Steps API',
    version: VERSION,
    description:
      'REST API of Smart Steps: clients, sessions with AI personas, transcripts, facilitator notes and analysis. Every error has the body `{"error": {code, message, details, request_id}}`; every response carries X-Request-Id.',
  },
  servers: [{ url: 'http://127.0.0.1:8543', description: 'Local server (default port)' }],
}

export function registerSecuritySchemes(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Access token from POST /api/v1/auth/login',
  })
}

export function buildOpenApiDocument(app: OpenAPIHono<AppEnv>) {
  return app.getOpenAPI31Document(OPENAPI_CONFIG)
}
