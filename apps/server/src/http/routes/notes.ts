import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'

import { CreateNoteRequestSchema, NoteListSchema, NoteSchema } from '@smartsteps/contracts'

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

const addNote = createRoute({
  ...secured('sessions:write'),
  tags: ['notes'],
  method: 'post',
  path: '/api/v1/sessions/{session_id}/notes',
  summary: 'Add a facilitator note to a session (any status)',
  request: { params: SessionParamsSchema, ...jsonBody(CreateNoteRequestSchema) },
  responses: {
    201: jsonResponse(NoteSchema, 'The stored note'),
    ...errorResponses(...AUTHENTICATED_ERRORS, 'resource_not_found', ...BODY_ERRORS),
  },
})

const listNotes = createRoute({
  ...secured('sessions:read'),
  tags: ['notes'],
  method: 'get',
  path: '/api/v1/sessions/{session_id}/notes',
  summary: "A session's facilitator notes, oldest first",
  request: { params: SessionParamsSchema },
  responses: {
    200: jsonResponse(NoteListSchema, 'Every note of the session'),
    ...errorResponses(...AUTHENTICATED_ERRORS, 'resource_not_found'),
  },
})

export function registerNoteRoutes(app: OpenAPIHono<AppEnv>, services: Services) {
  app.openapi(addNote, async (c) => {
    const { session_id } = c.req.valid('param')
    return c.json(await services.notes.add(c.get('actor'), session_id, c.req.valid('json')), 201)
  })

  app.openapi(listNotes, async (c) => {
    const { session_id } = c.req.valid('param')
    return c.json({ notes: await services.notes.list(c.get('actor'), session_id) }, 200)
  })
}
