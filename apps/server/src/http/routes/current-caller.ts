import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'

import { CurrentCallerSchema } from '@smartsteps/contracts'

import type { Services } from '../../composition.js'
import { describeCaller } from '../../services/current-caller.js'
import type { AppEnv } from '../env.js'
import { BEARER_SECURITY, errorResponses, jsonResponse } from './route-helpers.js'

const me = createRoute({
  // No scope: any credential may ask who it is, so a client can learn what it holds.
  security: BEARER_SECURITY,
  method: 'get',
  path: '/api/v1/auth/me',
  tags: ['auth'],
  summary: 'Who the caller is',
  description:
    'The user behind the credential, the scopes this credential grants (an API key may hold fewer than its owner), what kind of credential it is and when it expires. Any valid credential may call it.',
  responses: {
    200: jsonResponse(CurrentCallerSchema, 'The caller and its credential'),
    ...errorResponses('authentication_error'),
  },
})

export function registerCurrentCallerRoutes(app: OpenAPIHono<AppEnv>, services: Services) {
  app.openapi(me, async (c) => {
    return c.json(
      await describeCaller(services.storage, c.get('actor'), c.get('credentialExpiresAt')),
      200,
    )
  })
}
