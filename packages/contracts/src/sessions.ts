import { z } from 'zod'

import { MetadataSchema, PageQuerySchema, PaginationSchema, TimestampSchema } from './common.js'
import { ClientIdSchema, PersonaIdSchema, SessionIdSchema, UserIdSchema } from './ids.js'
import { MessageSchema } from './messages.js'
import { RiskFlagSchema } from './mood.js'
import { NoteSchema } from './notes.js'

export const SESSION_STATUSES = ['scheduled', 'active', 'completed', 'cancelled'] as const

export const SessionStatusSchema = z.enum(SESSION_STATUSES).meta({
  id: 'SessionStatus',
  description: 'scheduled -> active -> completed; scheduled or active -> cancelled.',
})

export const CreateSessionRequestSchema = z
  .strictObject({
    client_id: ClientIdSchema,
    persona_id: PersonaIdSchema,
    goals: z.array(z.string().trim().min(1).max(500)).max(20).default([]),
    duration_minutes: z.number().int().min(5).max(480).default(50),
    scheduled_at: TimestampSchema.optional().meta({ description: 'Defaults to now' }),
    metadata: MetadataSchema.optional(),
  })
  .meta({ id: 'CreateSessionRequest' })

export const InsightSchema = z
  .object({
    type: z.enum(['pattern', 'progress', 'mood', 'risk']),
    text: z.string(),
    confidence: z.number().min(0).max(1),
  })
  .meta({ id: 'Insight' })

export const SessionSchema = z
  .object({
    session_id: SessionIdSchema,
    client_id: ClientIdSchema,
    persona_id: PersonaIdSchema,
    status: SessionStatusSchema,
    goals: z.array(z.string()),
    duration_minutes: z.number().int(),
    scheduled_at: TimestampSchema,
    started_at: TimestampSchema.nullable(),
    ended_at: TimestampSchema.nullable(),
    created_at: TimestampSchema,
    created_by: UserIdSchema,
    updated_at: TimestampSchema,
    message_count: z.number().int().min(0),
    risk: RiskFlagSchema,
    metadata: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Session' })

export const SessionDetailSchema = SessionSchema.extend({
  summary: z.string().nullable().meta({
    description: 'Written when the session ends or a summary is requested; null before',
  }),
  insights: z.array(InsightSchema),
  messages: z.array(MessageSchema).meta({
    description:
      'The first 200 messages of the transcript; read the rest with GET /sessions/{id}/messages',
  }),
  facilitator_notes: z.array(NoteSchema),
}).meta({ id: 'SessionDetail' })

const StatusListSchema = z
  .string()
  .transform((value, ctx) => {
    const statuses = value.split(',').map((part) => part.trim())
    for (const status of statuses) {
      if (!(SESSION_STATUSES as readonly string[]).includes(status)) {
        ctx.addIssue({ code: 'custom', message: `unknown status "${status}"` })
        return z.NEVER
      }
    }
    return [...new Set(statuses)] as SessionStatus[]
  })
  .meta({
    param: { name: 'status', in: 'query' },
    description: 'Comma-separated statuses, e.g. active,completed',
    example: 'active,completed',
  })

export const SessionListQuerySchema = PageQuerySchema.extend({
  client_id: ClientIdSchema.optional().meta({ param: { name: 'client_id', in: 'query' } }),
  status: StatusListSchema.optional(),
})

export const SessionListSchema = z
  .object({ sessions: z.array(SessionSchema), pagination: PaginationSchema })
  .meta({ id: 'SessionList' })

export type SessionStatus = z.infer<typeof SessionStatusSchema>
export type CreateSessionRequest = z.infer<typeof CreateSessionRequestSchema>
export type Insight = z.infer<typeof InsightSchema>
export type Session = z.infer<typeof SessionSchema>
export type SessionDetail = z.infer<typeof SessionDetailSchema>
export type SessionListQuery = z.infer<typeof SessionListQuerySchema>
