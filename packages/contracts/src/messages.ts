import { z } from 'zod'

import { TimestampSchema } from './common.js'
import { MessageIdSchema, SessionIdSchema, UserIdSchema } from './ids.js'

export const SenderTypeSchema = z
  .enum(['client', 'persona', 'facilitator'])
  .meta({ id: 'SenderType' })

export const MESSAGE_MAX_LENGTH = 8000

/**
 * A caller-chosen key that makes sending a message idempotent: a second send with the same key
 * to the same session, over REST or WebSocket, stores nothing new and answers with the first.
 */
export const ClientMessageIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, '1-64 letters, digits, dashes or underscores')
  .meta({ example: 'c-7f3a9e21' })

export const CreateMessageRequestSchema = z
  .strictObject({
    content: z.string().trim().min(1).max(MESSAGE_MAX_LENGTH),
    sender_type: SenderTypeSchema,
    client_message_id: ClientMessageIdSchema.optional(),
  })
  .meta({ id: 'CreateMessageRequest' })

export const MessageSchema = z
  .object({
    id: MessageIdSchema,
    session_id: SessionIdSchema,
    sender_type: SenderTypeSchema,
    sender_id: z.string().meta({
      description: 'client_id for client messages, persona_id for persona, user_id for facilitator',
    }),
    content: z.string(),
    timestamp: TimestampSchema,
    client_message_id: ClientMessageIdSchema.optional().meta({
      description: 'The idempotency key the sender gave, if any',
    }),
    in_reply_to: MessageIdSchema.optional().meta({
      description: 'For a persona reply, the client message it answers',
    }),
    posted_by: UserIdSchema.optional().meta({
      description:
        'The user whose credential posted the message through the API or WebSocket, whatever its sender_type; absent for replies the persona engine wrote',
    }),
  })
  .meta({ id: 'Message' })

export const CreateMessageResponseSchema = MessageSchema.extend({
  persona_reply: MessageSchema.nullable().meta({
    description:
      'For a client message, the persona reply it produced (already stored in the transcript); null for other senders.',
  }),
}).meta({ id: 'CreateMessageResponse' })

export const MessageListQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .meta({ param: { name: 'limit', in: 'query' }, description: 'At most this many, 1 to 200' }),
  after: MessageIdSchema.optional().meta({
    param: { name: 'after', in: 'query' },
    description:
      'Return messages sent after this message id (exclusive); omit to start at the first',
  }),
})

export const MessageListSchema = z
  .object({
    messages: z.array(MessageSchema),
    next_cursor: MessageIdSchema.nullable().meta({
      description: 'Pass as `after` to read on; null when this page reached the end',
    }),
  })
  .meta({ id: 'MessageList' })

export type SenderType = z.infer<typeof SenderTypeSchema>
export type CreateMessageRequest = z.infer<typeof CreateMessageRequestSchema>
export type Message = z.infer<typeof MessageSchema>
export type CreateMessageResponse = z.infer<typeof CreateMessageResponseSchema>
export type MessageListQuery = z.infer<typeof MessageListQuerySchema>
