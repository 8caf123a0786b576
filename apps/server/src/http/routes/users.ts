import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'

import {
  CreateUserRequestSchema,
  UpdateUserRequestSchema,
  UserListQuerySchema,
  UserListSchema,
  UserSchema,
} from '@smartsteps/contracts'

import type { Services } from '../../composition.js'
import type { AppEnv } from '../env.js'
import { UserParamsSchema } from './params.js'
import {
  AUTHENTICATED_ERRORS,
  BODY_ERRORS,
  errorResponses,
  secured,
  jsonBody,
  jsonResponse,
} from './route-helpers.js'

const common = { tags: ['users'] }

const createUser = createRoute({
  ...secured('users:write'),
  ...common,
  method: 'post',
  path: '/api/v1/users',
  summary: 'Create a user (admins only)',
  request: jsonBody(
    CreateUserRequestSchema,
    'Passwords need at least 12 characters and 5 different ones, may not be only whitespace, the username or a commonly used password',
  ),
  responses: {
    201: jsonResponse(UserSchema, 'The new user'),
    ...errorResponses(...AUTHENTICATED_ERRORS, 'conflict', ...BODY_ERRORS),
  },
})

const listUsers = createRoute({
  ...secured('users:read'),
  ...common,
  method: 'get',
  path: '/api/v1/users',
  summary: 'List users, newest first (admins only)',
  request: { query: UserListQuerySchema },
  responses: {
    200: jsonResponse(UserListSchema, 'One page of users'),
    ...errorResponses(...AUTHENTICATED_ERRORS, 'validation_error'),
  },
})

const getUser = createRoute({
  ...secured('users:read'),
  ...common,
  method: 'get',
  path: '/api/v1/users/{user_id}',
  summary: 'Read a user (admins only)',
  request: { params: UserParamsSchema },
  responses: {
    200: jsonResponse(UserSchema, 'The user'),
    ...errorResponses(...AUTHENTICATED_ERRORS, 'resource_not_found', 'validation_error'),
  },
})

const updateUser = createRoute({
  ...secured('users:write'),
  ...common,
  method: 'patch',
  path: '/api/v1/users/{user_id}',
  summary: "Change a user's email, role or active flag (admins only)",
  description:
    'active: false deactivates the user: their access tokens, refresh tokens and API keys stop working at once. Demoting or deactivating the last active admin is refused with 409.',
  request: { params: UserParamsSchema, ...jsonBody(UpdateUserRequestSchema) },
  responses: {
    200: jsonResponse(UserSchema, 'The updated user'),
    ...errorResponses(...AUTHENTICATED_ERRORS, 'resource_not_found', 'conflict', ...BODY_ERRORS),
  },
})

const deactivateUser = createRoute({
  ...secured('users:write'),
  ...common,
  method: 'delete',
  path: '/api/v1/users/{user_id}',
  summary: 'Deactivate a user (admins only)',
  description:
    'Users are deactivated, never deleted: their clients, sessions and notes keep naming them. Same as PATCH with active: false.',
  request: { params: UserParamsSchema },
  responses: {
    200: jsonResponse(UserSchema, 'The deactivated user'),
    ...errorResponses(
      ...AUTHENTICATED_ERRORS,
      'resource_not_found',
      'conflict',
      'validation_error',
    ),
  },
})

export function registerUserRoutes(app: OpenAPIHono<AppEnv>, services: Services) {
  app.openapi(createUser, async (c) => {
    return c.json(await services.users.create(c.get('actor'), c.req.valid('json')), 201)
  })

  app.openapi(listUsers, async (c) => {
    return c.json(await services.users.list(c.get('actor'), c.req.valid('query')), 200)
  })

  app.openapi(getUser, async (c) => {
    return c.json(await services.users.get(c.get('actor'), c.req.valid('param').user_id), 200)
  })

  app.openapi(updateUser, async (c) => {
    const { user_id } = c.req.valid('param')
    return c.json(await services.users.update(c.get('actor'), user_id, c.req.valid('json')), 200)
  })

  app.openapi(deactivateUser, async (c) => {
    return c.json(
      await services.users.deactivate(c.get('actor'), c.req.valid('param').user_id),
      200,
    )
  })
}
