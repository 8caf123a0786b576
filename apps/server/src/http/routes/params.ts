import { z } from 'zod'

import {
  ApiKeyIdSchema,
  ClientIdSchema,
  PersonaIdSchema,
  SessionIdSchema,
  UserIdSchema,
} from '@smartsteps/contracts'

export const ClientParamsSchema = z.object({
  client_id: ClientIdSchema.meta({ param: { name: 'client_id', in: 'path' } }),
})

export const SessionParamsSchema = z.object({
  session_id: SessionIdSchema.meta({ param: { name: 'session_id', in: 'path' } }),
})

export const PersonaParamsSchema = z.object({
  persona_id: PersonaIdSchema.meta({ param: { name: 'persona_id', in: 'path' } }),
})

export const ApiKeyParamsSchema = z.object({
  key_id: ApiKeyIdSchema.meta({ param: { name: 'key_id', in: 'path' } }),
})

export const UserParamsSchema = z.object({
  user_id: UserIdSchema.meta({ param: { name: 'user_id', in: 'path' } }),
})
