import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'

import { CreateUserRequestSchema, UserSchema } from '@smartsteps/contracts'

import type { Services } from '../../composition.js'
import type { AppEnv } from '../env.js'
import {
  AUTHENTICATED_ERRORS,
  BODY_ERRORS,
  errorResponses,
  secured,
  jsonBody,
  jsonResponse,
} from './route-helpers.js'

const createUser = createRoute({
  ...secured('users:write'),
  method: 'post',
  path: '/api/v1/users',
  tags: ['users'],
  summary: 'Create a user (admins only)',
  request: jsonBody(CreateUserRequestSchema, 'Passwords need at least 12 characters'),
  responses: {
    201: jsonResponse(UserSchema, 'The new user'),
    ...errorResponses(...AUTHENTICATED_ERRORS, 'permission_denied', 'conflict', ...BODY_ERRORS),
  },
})

export function registerUserRoutes(app: OpenAPIHono<AppEnv>, services: Services) {
  app.openapi(createUser, async (c) => {
    return c.json(await services.users.create(c.get('actor'), c.req.valid('json')), 201)
  })
}
