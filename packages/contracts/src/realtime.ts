import { z } from 'zod'

import { TimestampSchema } from './common.js'
import { SessionIdSchema } from './ids.js'
import {
  ClientMessageIdSchema,
  MESSAGE_MAX_LENGTH,
  MessageSchema,
  SenderTypeSchema,
} from './messages.js'
import { SessionStatusSchema } from './sessions.js'

/**
 * WebSocket frames. Every frame is `{type, id, data}`. A client gives each frame an `id`; the
 * server answers every client frame with exactly one `ack` or `error` carrying that id.
 * Session events (session_update, new_message, typing_indicator) carry the session's sequence
 * number `seq`: it grows by one with each session_update and new_message, so a gap means
 * something was missed. Typing indicators are ephemeral: they repeat the latest `seq` and are
 * never replayed.
 */
const FrameIdSchema = z.string().min(1).max(128)

function frame<Type extends string, Data extends z.ZodType>(type: Type, data: Data) {
  return z.strictObject({ type: z.literal(type), id: FrameIdSchema, data })
}

const SeqSchema = z.number().int().min(0)

export const JoinSessionFrameSchema = frame(
  'join_session',
  z.strictObject({
    session_id: SessionIdSchema,
    last_seq: SeqSchema.optional().meta({
      description:
        'The last seq this client saw; events after it are replayed before live ones, or a resync frame says they are out of reach',
    }),
  }),
)

export const LeaveSessionFrameSchema = frame(
  'leave_session',
  z.strictObject({ session_id: SessionIdSchema }),
)

export const SendMessageFrameSchema = frame(
  'send_message',
  z.strictObject({
    session_id: SessionIdSchema,
    content: z.string().trim().min(1).max(MESSAGE_MAX_LENGTH),
    sender_type: SenderTypeSchema,
    client_message_id: ClientMessageIdSchema.optional(),
  }),
)

export const ClientTypingFrameSchema = frame(
  'typing_indicator',
  z.strictObject({
    session_id: SessionIdSchema,
    sender_type: SenderTypeSchema,
    is_typing: z.boolean(),
  }),
)

/** Every frame a client may send, told apart by `type`. */
export const ClientFrameSchema = z.discriminatedUnion('type', [
  JoinSessionFrameSchema,
  LeaveSessionFrameSchema,
  SendMessageFrameSchema,
  ClientTypingFrameSchema,
])

export const SessionUpdateDataSchema = z.object({
  session_id: SessionIdSchema,
  seq: SeqSchema,
  status: SessionStatusSchema,
  started_at: TimestampSchema.nullable(),
  ended_at: TimestampSchema.nullable(),
  deleted: z.literal(true).optional().meta({
    description:
      'Present when the session was deleted (with its client): the last event of the session; the socket no longer follows it, and REST answers 404 for it. A session that had not ended is reported cancelled',
  }),
})

export const NewMessageDataSchema = z.object({
  session_id: SessionIdSchema,
  seq: SeqSchema,
  message: MessageSchema,
})

export const TypingDataSchema = z.object({
  session_id: SessionIdSchema,
  seq: SeqSchema,
  sender_type: SenderTypeSchema,
  sender_id: z.string(),
  is_typing: z.boolean(),
})

export const SessionUpdateFrameSchema = frame('session_update', SessionUpdateDataSchema)
export const NewMessageFrameSchema = frame('new_message', NewMessageDataSchema)
export const ServerTypingFrameSchema = frame('typing_indicator', TypingDataSchema)

export const AckFrameSchema = frame(
  'ack',
  z.object({
    request_type: z.enum(['join_session', 'leave_session', 'send_message', 'typing_indicator']),
    session_id: SessionIdSchema,
    seq: SeqSchema.optional().meta({
      description: 'join_session: the latest seq of the session once replay is done',
    }),
    replayed: z.number().int().min(0).optional().meta({
      description: 'join_session: how many missed events were sent before this ack',
    }),
    message: MessageSchema.optional().meta({
      description:
        'send_message: the stored message (the first one, for a repeated client_message_id)',
    }),
    duplicate: z.boolean().optional().meta({
      description: 'send_message: true when client_message_id matched an earlier message',
    }),
  }),
)

export const ResyncFrameSchema = frame(
  'resync',
  z.object({
    session_id: SessionIdSchema,
    seq: SeqSchema.meta({ description: 'The latest seq; rejoin with last_seq set to it' }),
    reason: z.string(),
  }),
)

export const REALTIME_ERROR_CODES = [
  'authentication_error',
  'permission_denied',
  'session_not_found',
  'invalid_request',
  'conflict',
  'rate_limited',
  'internal_error',
] as const

export const ErrorFrameSchema = frame(
  'error',
  z.object({
    code: z.enum(REALTIME_ERROR_CODES),
    message: z.string(),
    request_id: z
      .string()
      .nullable()
      .meta({ description: 'id of the client frame that failed; null when it had none' }),
  }),
)

/** Every frame the server may send, told apart by `type`. */
export const ServerFrameSchema = z.discriminatedUnion('type', [
  AckFrameSchema,
  SessionUpdateFrameSchema,
  NewMessageFrameSchema,
  ServerTypingFrameSchema,
  ResyncFrameSchema,
  ErrorFrameSchema,
])

/**
 * Close codes the server uses besides the standard ones (1008 policy violation after repeated
 * rate limiting, 1009 frame too large, 1001 server going away).
 */
export const REALTIME_CLOSE_CODES = {
  /** The access token expired or the credential was revoked; reconnect with a fresh one. */
  credentialsExpired: 4401,
  /** The client did not read fast enough and its send buffer passed the bound. */
  slowConsumer: 4408,
} as const

export const RealtimeTicketSchema = z
  .object({
    ticket: z
      .string()
      .meta({ description: 'Single use; pass as ?ticket= or as subprotocol ticket.<ticket>' }),
    expires_at: TimestampSchema,
  })
  .meta({ id: 'RealtimeTicket' })

export type ClientFrame = z.infer<typeof ClientFrameSchema>
export type ServerFrame = z.infer<typeof ServerFrameSchema>
export type SessionUpdateData = z.infer<typeof SessionUpdateDataSchema>
export type NewMessageData = z.infer<typeof NewMessageDataSchema>
export type TypingData = z.infer<typeof TypingDataSchema>
export type RealtimeErrorCode = (typeof REALTIME_ERROR_CODES)[number]
export type RealtimeTicket = z.infer<typeof RealtimeTicketSchema>
