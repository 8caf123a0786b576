import { type Message, CreateMessageResponseSchema, MessageListSchema } from '@smartsteps/contracts'

import type { Transport } from '../http/transport.js'
import { newClientMessageId } from '../ids.js'
import { everyItemAfter } from '../pagination/cursor-iterator.js'
import type {
  CreateMessageInput,
  MessageList,
  MessageListOptions,
  PostedMessage,
} from '../types.js'
import { apiPath } from './paths.js'

/** The transcript of a session. */
export class MessagesResource {
  constructor(private readonly http: Transport) {}

  /**
   * Adds a message to an active session; a client message comes back with the persona's
   * reply. Without a `client_message_id` one is made up, so the SDK (or you, passing the same
   * one) can send again after a lost answer without storing the message twice.
   */
  async post(sessionId: string, input: CreateMessageInput): Promise<PostedMessage> {
    const { data, status } = await this.http.exchange({
      method: 'POST',
      path: apiPath('sessions', sessionId, 'messages'),
      body: { ...input, client_message_id: input.client_message_id ?? newClientMessageId() },
      schema: CreateMessageResponseSchema,
      repeatable: true,
    })

    // 200 instead of 201: the key matched an earlier message, which is what came back.
    return { ...data, duplicate: status === 200 }
  }

  /** One page of the transcript in order; pass `next_cursor` as `after` to read on. */
  list(sessionId: string, options: MessageListOptions = {}): Promise<MessageList> {
    return this.http.request({
      method: 'GET',
      path: apiPath('sessions', sessionId, 'messages'),
      query: options,
      schema: MessageListSchema,
    })
  }

  /** The whole transcript (after `after`, if given), page after page. */
  iterate(
    sessionId: string,
    options: MessageListOptions = {},
  ): AsyncGenerator<Message, void, undefined> {
    return everyItemAfter(async (after) => {
      const { messages, next_cursor } = await this.list(sessionId, { ...options, after })
      return { items: messages, nextCursor: next_cursor }
    }, options.after)
  }
}
