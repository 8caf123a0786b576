import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'

import {
  LoginRequestSchema,
  RefreshRequestSchema,
  TokenResponseSchema,
} from '@smartsteps/contracts'

import type { Services } from '../../composition.js'
import type { AppEnv } from '../env.js'
import { BODY_ERRORS, errorResponses, jsonBody, jsonResponse } from './route-helpers.js'

const login = createRoute({
  method: 'post',
  path: '/api/v1/auth/login',
  tags: ['auth'],
  summary: 'Exchange a username and password for tokens',
  request: jsonBody(LoginRequestSchema),
  responses: {
    200: jsonResponse(TokenResponseSchema, 'An access token and a single-use refresh token'),
    ...errorResponses('authentication_error', ...BODY_ERRORS),
  },
})

const refresh = createRoute({
  method: 'post',
  path: '/api/v1/auth/refresh',
  tags: ['auth'],
  summary: 'Exchange a refresh token for a new pair',
  description:
    'Refresh tokens are single-use. Presenting one twice revokes every token descended from the same login.',
  request: jsonBody(RefreshRequestSchema),
  responses: {
    200: jsonResponse(TokenResponseSchema, 'A new access token and refresh token'),
    ...errorResponses('authentication_error', ...BODY_ERRORS),
  },
})

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>, services: Services) {
  app.openapi(login, async (c) => {
    const { username, password } = c.req.valid('json')
    const user = await services.users.authenticate(username, password)
    return c.json(await services.tokens.issue(user), 200)
  })

  app.openapi(refresh, async (c) => {
    return c.json(await services.tokens.refresh(c.req.valid('json').refresh_token), 200)
  })
}
