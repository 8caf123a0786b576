import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'

import {
  CreateSessionRequestSchema,
  SessionDetailSchema,
  SessionListQuerySchema,
  SessionListSchema,
  SessionSchema,
} from '@smartsteps/contracts'

import type { Services } from '../../composition.js'
import type { SessionAction } from '../../services/session-service.js'
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

const common = { tags: ['sessions'] }

const createSession = createRoute({
  ...secured('sessions:write'),
  ...common,
  method: 'post',
  path: '/api/v1/sessions',
  summary: 'Schedule a session of a client with a persona',
  request: jsonBody(CreateSessionRequestSchema),
  responses: {
    201: jsonResponse(SessionSchema, 'The session, status scheduled'),
    ...errorResponses(...AUTHENTICATED_ERRORS, 'resource_not_found', ...BODY_ERRORS),
  },
})

const listSessions = createRoute({
  ...secured('sessions:read'),
  ...common,
  method: 'get',
  path: '/api/v1/sessions',
  summary: 'List the sessions the caller may see, newest scheduled first',
  request: { query: SessionListQuerySchema },
  responses: {
    200: jsonResponse(SessionListSchema, 'One page of sessions'),
    ...errorResponses(...AUTHENTICATED_ERRORS, 'validation_error'),
  },
})

const getSession = createRoute({
  ...secured('sessions:read'),
  ...common,
  method: 'get',
  path: '/api/v1/sessions/{session_id}',
  summary: 'Read a session with its transcript, notes, insights and summary',
  request: { params: SessionParamsSchema },
  responses: {
    200: jsonResponse(SessionDetailSchema, 'The session'),
    ...errorResponses(...AUTHENTICATED_ERRORS, 'resource_not_found', 'validation_error'),
  },
})

const ACTION_TEXT: Record<SessionAction, { summary: string; description: string }> = {
  start: { summary: 'Start a scheduled session', description: 'scheduled -> active.' },
  end: {
    summary: 'End an active session',
    description: 'active -> completed. The session summary and insights are written as it ends.',
  },
  cancel: { summary: 'Cancel a session', description: 'scheduled or active -> cancelled.' },
}

function transitionRoute(action: SessionAction) {
  return createRoute({
    ...secured('sessions:write'),
    ...common,
    method: 'post',
    path: `/api/v1/sessions/{session_id}/${action}`,
    ...ACTION_TEXT[action],
    request: { params: SessionParamsSchema },
    responses: {
      200: jsonResponse(SessionSchema, 'The session after the change'),
      ...errorResponses(
        ...AUTHENTICATED_ERRORS,
        'resource_not_found',
        'conflict',
        'validation_error',
      ),
    },
  })
}

export function registerSessionRoutes(app: OpenAPIHono<AppEnv>, services: Services) {
  app.openapi(createSession, async (c) => {
    return c.json(await services.sessions.create(c.get('actor'), c.req.valid('json')), 201)
  })

  app.openapi(listSessions, async (c) => {
    return c.json(await services.sessions.list(c.get('actor'), c.req.valid('query')), 200)
  })

  app.openapi(getSession, async (c) => {
    return c.json(
      await services.sessions.detail(c.get('actor'), c.req.valid('param').session_id),
      200,
    )
  })

  for (const action of ['start', 'end', 'cancel'] as const) {
    app.openapi(transitionRoute(action), async (c) => {
      const { session_id } = c.req.valid('param')
      return c.json(await services.sessions.transition(c.get('actor'), session_id, action), 200)
    })
  }
}
