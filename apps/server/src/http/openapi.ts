import type { OpenAPIHono } from '@hono/zod-openapi'

import { DEPRECATIONS, type Deprecations } from '@smartsteps/contracts'

import { VERSION } from '../package-root.js'
import type { AppEnv } from './env.js'
import { markDeprecated } from './openapi-deprecations.js'

export const OPENAPI_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'Smart Steps API',
    version: VERSION,
    description:
      'REST API of Smart Steps: clients, sessions with AI personas, transcripts, facilitator notes and analysis. Every error has the body `{"error": {code, message, details, request_id}}`; every response carries X-Request-Id.',
  },
  // Relative, so Swagger UI's try-it-out calls go to whichever host served the document,
  // behind any proxy or port, rather than to one hard-coded address.
  servers: [{ url: '/', description: 'The server that serves this document' }],
}

export function registerSecuritySchemes(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description:
      'An access token from POST /api/v1/auth/login, an API key (sk_ss_...) from POST /api/v1/keys, or, when security.oauth is enabled, an access token of the configured OpenID Connect provider (docs/security/oauth.md). Requests with a key that requires signing also carry X-Signature-Timestamp and X-Signature (docs/security/request-signing.md).',
  })
}

export function buildOpenApiDocument(
  app: OpenAPIHono<AppEnv>,
  deprecations: Deprecations = DEPRECATIONS,
) {
  const document = app.getOpenAPI31Document(OPENAPI_CONFIG)

  markDeprecated(document, deprecations)

  return document
}
