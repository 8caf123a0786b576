import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'

import { HealthSchema } from '@smartsteps/contracts'

import type { Services } from '../../composition.js'
import type { AppEnv } from '../env.js'
import { errorResponses, jsonResponse } from './route-helpers.js'

const getHealth = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['health'],
  summary: 'Liveness and storage check',
  description: 'No authentication. 503 when the store does not answer; load balancers poll this.',
  responses: {
    200: jsonResponse(HealthSchema, 'The server and its store are usable'),
    503: jsonResponse(HealthSchema, 'The store is unusable'),
    ...errorResponses(),
  },
})

export function registerHealthRoutes(app: OpenAPIHono<AppEnv>, services: Services) {
  app.openapi(getHealth, async (c) => {
    const health = await services.health.check()
    return c.json(health, health.status === 'ok' ? 200 : 503)
  })
}
