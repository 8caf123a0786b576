import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'

import {
  ApiKeyListQuerySchema,
  ApiKeyListSchema,
  ApiKeyWithSecretSchema,
  CreateApiKeyRequestSchema,
} from '@smartsteps/contracts'

import type { Services } from '../../composition.js'
import type { AppEnv } from '../env.js'
import { ApiKeyParamsSchema } from './params.js'
import {
  AUTHENTICATED_ERRORS,
  BODY_ERRORS,
  errorResponses,
  jsonBody,
  jsonResponse,
  secured,
} from './route-helpers.js'

const common = { tags: ['api keys'] }

const createKey = createRoute({
  ...secured('keys:write'),
  ...common,
  method: 'post',
  path: '/api/v1/keys',
  summary: 'Create an API key acting as the caller',
  description:
    'The answer holds the secret (and, with `signing: true`, the signing secret) once; only a hash is kept. Scopes must be ones the calling credential holds. See docs/security/api-keys.md.',
  request: jsonBody(CreateApiKeyRequestSchema),
  responses: {
    201: jsonResponse(ApiKeyWithSecretSchema, 'The new key with its secrets, shown only now'),
    ...errorResponses(...AUTHENTICATED_ERRORS, ...BODY_ERRORS),
  },
})

const listKeys = createRoute({
  ...secured('keys:read'),
  ...common,
  method: 'get',
  path: '/api/v1/keys',
  summary: "List the caller's API keys, newest first (admins: everyone's with ?all=true)",
  request: { query: ApiKeyListQuerySchema },
  responses: {
    200: jsonResponse(ApiKeyListSchema, 'One page of keys, without secrets'),
    ...errorResponses(...AUTHENTICATED_ERRORS, 'validation_error'),
  },
})

const revokeKey = createRoute({
  ...secured('keys:write'),
  ...common,
  method: 'delete',
  path: '/api/v1/keys/{key_id}',
  summary: 'Revoke an API key at once',
  description:
    'Every later request with the key fails with 401 and its WebSocket connections close with 4401. Admins may revoke any key. Revoking twice is not an error.',
  request: { params: ApiKeyParamsSchema },
  responses: {
    204: { description: 'Revoked' },
    ...errorResponses(...AUTHENTICATED_ERRORS, 'resource_not_found', 'validation_error'),
  },
})

const rotateKey = createRoute({
  ...secured('keys:write'),
  ...common,
  method: 'post',
  path: '/api/v1/keys/{key_id}/rotate',
  summary: 'Give an API key a new secret',
  description:
    'The replaced secret (and its signing secret) keeps working until `previous_secret_expires_at` (24 hours by default), but may no longer manage keys. Only the owner rotates a key.',
  request: { params: ApiKeyParamsSchema },
  responses: {
    200: jsonResponse(ApiKeyWithSecretSchema, 'The key with its new secrets, shown only now'),
    ...errorResponses(
      ...AUTHENTICATED_ERRORS,
      'resource_not_found',
      'conflict',
      'validation_error',
    ),
  },
})

export function registerApiKeyRoutes(app: OpenAPIHono<AppEnv>, services: Services) {
  app.openapi(createKey, async (c) => {
    const created = await services.apiKeys.create(c.get('actor'), c.req.valid('json'))

    c.header('Cache-Control', 'no-store')
    return c.json(created, 201)
  })

  app.openapi(listKeys, async (c) => {
    return c.json(await services.apiKeys.list(c.get('actor'), c.req.valid('query')), 200)
  })

  app.openapi(revokeKey, async (c) => {
    await services.apiKeys.revoke(c.get('actor'), c.req.valid('param').key_id)
    return c.body(null, 204)
  })

  app.openapi(rotateKey, async (c) => {
    const rotated = await services.apiKeys.rotate(c.get('actor'), c.req.valid('param').key_id)

    c.header('Cache-Control', 'no-store')
    return c.json(rotated, 200)
  })
}
