import { z } from 'zod'

import { TimestampSchema } from './common.js'
import { MessageIdSchema, SessionIdSchema } from './ids.js'

export const SenderTypeSchema = z
  .enum(['client', 'persona', 'facilitator'])
  .meta({ id: 'SenderType' })

export const MESSAGE_MAX_LENGTH = 8000

export const CreateMessageRequestSchema = z
  .strictObject({
    content: z.string().trim().min(1).max(MESSAGE_MAX_LENGTH),
    sender_type: SenderTypeSchema,
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
