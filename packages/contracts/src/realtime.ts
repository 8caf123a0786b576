import { z } from 'zod'

import { SessionIdSchema } from './ids.js'
import { MESSAGE_MAX_LENGTH, MessageSchema, SenderTypeSchema } from './messages.js'
import { SessionStatusSchema } from './sessions.js'

/** The id a client gives each frame it sends; the server echoes it in the reply to that frame. */
const FrameIdSchema = z.string().min(1).max(128)

function frame<Type extends string, Data extends z.ZodType>(type: Type, data: Data) {
  return z.strictObject({ type: z.literal(type), id: FrameIdSchema, data })
}

export const JoinSessionFrameSchema = frame(
  'join_session',
  z.strictObject({ session_id: SessionIdSchema }),
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

/** Every frame a client may send over the WebSocket, told apart by `type`. */
export const ClientFrameSchema = z.discriminatedUnion('type', [
  JoinSessionFrameSchema,
  LeaveSessionFrameSchema,
  SendMessageFrameSchema,
  ClientTypingFrameSchema,
])

export const SessionUpdateFrameSchema = frame(
  'session_update',
  z.object({
    session_id: SessionIdSchema,
    status: SessionStatusSchema,
    started_at: z.string().nullable().optional(),
    ended_at: z.string().nullable().optional(),
  }),
)

export const NewMessageFrameSchema = frame('new_message', z.object({ message: MessageSchema }))

export const ServerTypingFrameSchema = frame(
  'typing_indicator',
  z.object({
    session_id: SessionIdSchema,
    sender_type: SenderTypeSchema,
    sender_id: z.string(),
    is_typing: z.boolean(),
  }),
)

export const REALTIME_ERROR_CODES = [
  'authentication_error',
  'permission_denied',
  'session_not_found',
  'invalid_request',
  'rate_limited',
  'internal_error',
] as const

export const ErrorFrameSchema = frame(
  'error',
  z.object({
    code: z.enum(REALTIME_ERROR_CODES),
    message: z.string(),
    request_id: z.string().nullable().meta({ description: 'id of the client frame that failed' }),
  }),
)

/** Every frame the server may send over the WebSocket, told apart by `type`. */
export const ServerFrameSchema = z.discriminatedUnion('type', [
  SessionUpdateFrameSchema,
  NewMessageFrameSchema,
  ServerTypingFrameSchema,
  ErrorFrameSchema,
])

export type ClientFrame = z.infer<typeof ClientFrameSchema>
export type ServerFrame = z.infer<typeof ServerFrameSchema>
