import { z } from 'zod'

import { ClientIdSchema, PersonaIdSchema, SessionIdSchema } from '@smartsteps/contracts'

export const ClientParamsSchema = z.object({
  client_id: ClientIdSchema.meta({ param: { name: 'client_id', in: 'path' } }),
})

export const SessionParamsSchema = z.object({
  session_id: SessionIdSchema.meta({ param: { name: 'session_id', in: 'path' } }),
})

export const PersonaParamsSchema = z.object({
  persona_id: PersonaIdSchema.meta({ param: { name: 'persona_id', in: 'path' } }),
})
