import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'

import {
  ClientDetailSchema,
  ClientListQuerySchema,
  ClientListSchema,
  ClientSchema,
  CreateClientRequestSchema,
  UpdateClientRequestSchema,
} from '@smartsteps/contracts'

import type { Services } from '../../composition.js'
import type { AppEnv } from '../env.js'
import { ClientParamsSchema } from './params.js'
import {
  AUTHENTICATED_ERRORS,
  BODY_ERRORS,
  errorResponses,
  secured,
  jsonBody,
  jsonResponse,
} from './route-helpers.js'

const common = { tags: ['clients'] }

const createClient = createRoute({
  ...secured('clients:write'),
  ...common,
  method: 'post',
  path: '/api/v1/clients',
  summary: 'Register a client',
  request: jsonBody(CreateClientRequestSchema),
  responses: {
    201: jsonResponse(ClientSchema, 'The new client, owned by the caller'),
    ...errorResponses(...AUTHENTICATED_ERRORS, ...BODY_ERRORS),
  },
})

const listClients = createRoute({
  ...secured('clients:read'),
  ...common,
  method: 'get',
  path: '/api/v1/clients',
  summary: 'List the clients the caller may see, newest first',
  request: { query: ClientListQuerySchema },
  responses: {
    200: jsonResponse(ClientListSchema, 'One page of clients'),
    ...errorResponses(...AUTHENTICATED_ERRORS, 'validation_error'),
  },
})

const getClient = createRoute({
  ...secured('clients:read'),
  ...common,
  method: 'get',
  path: '/api/v1/clients/{client_id}',
  summary: 'Read a client with its session counts',
  request: { params: ClientParamsSchema },
  responses: {
    200: jsonResponse(ClientDetailSchema, 'The client'),
    ...errorResponses(...AUTHENTICATED_ERRORS, 'resource_not_found', 'validation_error'),
  },
})

const updateClient = createRoute({
  ...secured('clients:write'),
  ...common,
  method: 'patch',
  path: '/api/v1/clients/{client_id}',
  summary: 'Change some fields of a client',
  request: { params: ClientParamsSchema, ...jsonBody(UpdateClientRequestSchema) },
  responses: {
    200: jsonResponse(ClientSchema, 'The updated client'),
    ...errorResponses(...AUTHENTICATED_ERRORS, 'resource_not_found', ...BODY_ERRORS),
  },
})

const deleteClient = createRoute({
  ...secured('clients:write'),
  ...common,
  method: 'delete',
  path: '/api/v1/clients/{client_id}',
  summary: 'Delete a client with all their sessions, messages and notes',
  description: 'Irreversible: the erasure a client may ask for.',
  request: { params: ClientParamsSchema },
  responses: {
    204: { description: 'Deleted' },
    ...errorResponses(...AUTHENTICATED_ERRORS, 'resource_not_found', 'validation_error'),
  },
})

export function registerClientRoutes(app: OpenAPIHono<AppEnv>, services: Services) {
  app.openapi(createClient, async (c) => {
    return c.json(await services.clients.create(c.get('actor'), c.req.valid('json')), 201)
  })

  app.openapi(listClients, async (c) => {
    return c.json(await services.clients.list(c.get('actor'), c.req.valid('query')), 200)
  })

  app.openapi(getClient, async (c) => {
    return c.json(await services.clients.get(c.get('actor'), c.req.valid('param').client_id), 200)
  })

  app.openapi(updateClient, async (c) => {
    const { client_id } = c.req.valid('param')
    return c.json(
      await services.clients.update(c.get('actor'), client_id, c.req.valid('json')),
      200,
    )
  })

  app.openapi(deleteClient, async (c) => {
    await services.clients.remove(c.get('actor'), c.req.valid('param').client_id)
    return c.body(null, 204)
  })
}
