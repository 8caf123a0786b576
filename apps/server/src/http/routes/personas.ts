import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'

import { PersonaListSchema, PersonaSchema } from '@smartsteps/contracts'

import type { Services } from '../../composition.js'
import { toPersona, toPersonaSummary } from '../../services/persona-registry.js'
import type { AppEnv } from '../env.js'
import { PersonaParamsSchema } from './params.js'
import { AUTHENTICATED_ERRORS, errorResponses, secured, jsonResponse } from './route-helpers.js'

const common = { tags: ['personas'] }

const listPersonas = createRoute({
  ...secured('personas:read'),
  ...common,
  method: 'get',
  path: '/api/v1/personas',
  summary: 'List the personas sessions can use',
  responses: {
    200: jsonResponse(PersonaListSchema, 'Every loaded persona'),
    ...errorResponses(...AUTHENTICATED_ERRORS),
  },
})

const getPersona = createRoute({
  ...secured('personas:read'),
  ...common,
  method: 'get',
  path: '/api/v1/personas/{persona_id}',
  summary: 'Read one persona in full',
  request: { params: PersonaParamsSchema },
  responses: {
    200: jsonResponse(PersonaSchema, 'The persona'),
    ...errorResponses(...AUTHENTICATED_ERRORS, 'resource_not_found', 'validation_error'),
  },
})

export function registerPersonaRoutes(app: OpenAPIHono<AppEnv>, services: Services) {
  app.openapi(listPersonas, (c) => {
    return c.json({ personas: services.personas.list().map(toPersonaSummary) }, 200)
  })

  app.openapi(getPersona, (c) => {
    return c.json(toPersona(services.personas.get(c.req.valid('param').persona_id)), 200)
  })
}
