import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'

import {
  CreateMessageRequestSchema,
  CreateMessageResponseSchema,
  MessageListQuerySchema,
  MessageListSchema,
} from '@smartsteps/contracts'

import type { Services } from '../../composition.js'
import type { AppEnv } from '../env.js'
import { SessionParamsSchema } from './params.js'
import {
  AUTHENTICATED_ERRORS,
  BODY_ERRORS,
  errorResponses,
  secured,
  jsonBody,
  jsonResponse,
} from './route-helpers.js'

const common = { tags: ['messages'] }

const postMessage = createRoute({
  ...secured('sessions:write'),
  ...common,
  method: 'post',
  path: '/api/v1/sessions/{session_id}/messages',
  summary: 'Add a message to an active session',
  description:
    'A client message is answered by the persona before this call returns: the reply is stored in the transcript and returned as `persona_reply`. Messages of one session are processed in arrival order. Repeating a `client_message_id` stores nothing new and answers 200 with the first message and its reply.',
  request: { params: SessionParamsSchema, ...jsonBody(CreateMessageRequestSchema) },
  responses: {
    201: jsonResponse(CreateMessageResponseSchema, 'The stored message and the persona reply'),
    200: jsonResponse(
      CreateMessageResponseSchema,
      'The message first stored under this client_message_id, and its reply',
    ),
    ...errorResponses(...AUTHENTICATED_ERRORS, 'resource_not_found', 'conflict', ...BODY_ERRORS),
  },
})

const listMessages = createRoute({
  ...secured('sessions:read'),
  ...common,
  method: 'get',
  path: '/api/v1/sessions/{session_id}/messages',
  summary: 'Read the transcript in order, a page at a time',
  request: { params: SessionParamsSchema, query: MessageListQuerySchema },
  responses: {
    200: jsonResponse(MessageListSchema, 'One page of messages'),
    ...errorResponses(...AUTHENTICATED_ERRORS, 'resource_not_found', 'validation_error'),
  },
})

export function registerMessageRoutes(app: OpenAPIHono<AppEnv>, services: Services) {
  app.openapi(postMessage, async (c) => {
    const { session_id } = c.req.valid('param')
    const { response, duplicate } = await services.messages.post(
      c.get('actor'),
      session_id,
      c.req.valid('json'),
    )

    return duplicate ? c.json(response, 200) : c.json(response, 201)
  })

  app.openapi(listMessages, async (c) => {
    const { session_id } = c.req.valid('param')
    return c.json(
      await services.messages.list(c.get('actor'), session_id, c.req.valid('query')),
      200,
    )
  })
}
