import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'

import { RealtimeTicketSchema } from '@smartsteps/contracts'

import type { Services } from '../../composition.js'
import type { AppEnv } from '../env.js'
import { AUTHENTICATED_ERRORS, errorResponses, secured, jsonResponse } from './route-helpers.js'

const issueTicket = createRoute({
  ...secured('realtime:connect'),
  tags: ['realtime'],
  method: 'post',
  path: '/api/v1/realtime/tickets',
  summary: 'Get a single-use ticket to open the WebSocket from a browser',
  description:
    'Browsers cannot set an Authorization header on a WebSocket. Open `/ws?ticket=<ticket>`, or offer the subprotocols `smartsteps.v1` and `ticket.<ticket>`, within the ticket lifetime (30 s by default). The socket then acts as the caller and closes with 4401 when the caller’s access token expires.',
  responses: {
    201: jsonResponse(RealtimeTicketSchema, 'The ticket'),
    ...errorResponses(...AUTHENTICATED_ERRORS),
  },
})

export function registerRealtimeRoutes(app: OpenAPIHono<AppEnv>, services: Services) {
  app.openapi(issueTicket, (c) => {
    return c.json(services.tickets.issue(c.get('actor'), c.get('credentialExpiresAt')), 201)
  })
}
