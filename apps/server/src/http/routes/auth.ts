import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'

import {
  LoginRequestSchema,
  LogoutRequestSchema,
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
  description:
    'After 5 failed attempts for one username within 15 minutes (configurable), further attempts for it are refused with 429 and Retry-After until the oldest failure is 15 minutes old, whether or not the account exists.',
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

const logout = createRoute({
  method: 'post',
  path: '/api/v1/auth/logout',
  tags: ['auth'],
  summary: 'End a login',
  description:
    'Revokes the refresh token and every token rotated from the same login; access tokens of that login stop working at once. Answers 204 for unknown and spent tokens too.',
  request: jsonBody(LogoutRequestSchema),
  responses: {
    204: { description: 'Signed out' },
    ...errorResponses(...BODY_ERRORS),
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

  app.openapi(logout, async (c) => {
    await services.tokens.logout(c.req.valid('json').refresh_token)
    return c.body(null, 204)
  })
}
