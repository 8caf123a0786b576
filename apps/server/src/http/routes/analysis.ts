import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'

import {
  METRIC_DESCRIPTIONS,
  ProgressReportSchema,
  ProgressRequestSchema,
  SessionSummarySchema,
} from '@smartsteps/contracts'

import type { Services } from '../../composition.js'
import type { AppEnv } from '../env.js'
import { ClientParamsSchema, SessionParamsSchema } from './params.js'
import {
  AUTHENTICATED_ERRORS,
  BODY_ERRORS,
  errorResponses,
  secured,
  jsonBody,
  jsonResponse,
} from './route-helpers.js'

const common = { tags: ['analysis'] }

const summariseSession = createRoute({
  ...secured('analysis:write'),
  ...common,
  method: 'post',
  path: '/api/v1/sessions/{session_id}/analyze/summary',
  summary: 'Summarise a session from its transcript',
  description:
    'Computed locally from what the client said: mood, key points and focus areas drawn from the persona techniques. The summary is also stored on the session.',
  request: { params: SessionParamsSchema },
  responses: {
    200: jsonResponse(SessionSummarySchema, 'The summary'),
    ...errorResponses(...AUTHENTICATED_ERRORS, 'resource_not_found', 'validation_error'),
  },
})

const metricScales = Object.entries(METRIC_DESCRIPTIONS)
  .map(([name, description]) => `- \`${name}\`: ${description}`)
  .join('\n')

const analyseProgress = createRoute({
  ...secured('analysis:write'),
  ...common,
  method: 'post',
  path: '/api/v1/clients/{client_id}/analyze/progress',
  summary: "Report a client's progress across sessions",
  description: `Analyses the client's active and completed sessions whose start day falls in the period, oldest first. Metric scales:\n\n${metricScales}\n\nA trend needs at least two sessions; with fewer it is \`insufficient_data\`.`,
  request: { params: ClientParamsSchema, ...jsonBody(ProgressRequestSchema) },
  responses: {
    200: jsonResponse(ProgressReportSchema, 'The progress report'),
    ...errorResponses(...AUTHENTICATED_ERRORS, 'resource_not_found', ...BODY_ERRORS),
  },
})

export function registerAnalysisRoutes(app: OpenAPIHono<AppEnv>, services: Services) {
  app.openapi(summariseSession, async (c) => {
    const { session_id } = c.req.valid('param')
    return c.json(await services.analysis.sessionSummary(c.get('actor'), session_id), 200)
  })

  app.openapi(analyseProgress, async (c) => {
    const { client_id } = c.req.valid('param')
    return c.json(
      await services.analysis.progress(c.get('actor'), client_id, c.req.valid('json')),
      200,
    )
  })
}
