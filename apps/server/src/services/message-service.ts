import type {
  CreateMessageRequest,
  CreateMessageResponse,
  Message,
  MessageListQuery,
  RiskCategory,
  RiskFlag,
} from '@smartsteps/contracts'

import type { Actor } from '../domain/actor.js'
import { conflict, notFound } from '../domain/errors.js'
import { newId } from '../domain/ids.js'
import type { Logger } from '../logger.js'
import type { EventBus } from '../ports/event-bus.js'
import type { PersonaEngine } from '../ports/persona-engine.js'
import type { AppendResult, SessionRecord, Storage } from '../ports/storage.js'
import { createKeyedQueue } from './keyed-queue.js'
import type { PersonaRegistry } from './persona-registry.js'
import type { SessionService } from './session-service.js'

const RISK_MESSAGE_IDS_KEPT = 20

export interface MessageServiceDeps {
  storage: Storage
  bus: EventBus
  sessions: SessionService
  personas: PersonaRegistry
  engine: PersonaEngine
  logger: Logger
  /** How many recent messages the persona engine sees. */
  contextMessages: number
}

export interface AcceptedMessage {
  message: Message
  /** True when client_message_id matched an earlier message, which is returned instead. */
  duplicate: boolean
  /** The persona's answer to a client message; resolves to null for other senders. */
  reply: Promise<Message | null>
}

function senderIdOf(actor: Actor, session: SessionRecord, senderType: Message['sender_type']) {
  if (senderType === 'client') {
    return session.client_id
  }

  return senderType === 'persona' ? session.persona_id : actor.userId
}

function assertAppended(result: AppendResult) {
  if (result.ok) {
    return { message: result.messages[0]!, duplicate: result.duplicate }
  }

  if (result.reason === 'session_not_found') {
    throw notFound('Session')
  }

  throw conflict(`Messages can only be sent to an active session; this one is ${result.current}`, {
    current_status: result.current,
  })
}

function withRisk(
  risk: RiskFlag,
  categories: RiskCategory[],
  messageId: string,
  at: string,
): RiskFlag {
  return {
    flagged: true,
    categories: [...new Set([...risk.categories, ...categories])].sort(),
    first_flagged_at: risk.first_flagged_at ?? at,
    message_ids: [...risk.message_ids, messageId].slice(0, RISK_MESSAGE_IDS_KEPT),
  }
}

export function createMessageService(deps: MessageServiceDeps) {
  const { storage, bus, sessions, personas, engine, logger } = deps
  const perSession = createKeyedQueue()

  /**
   * Stores a message and, for a client message, has the persona answer it. Resolves as soon as
   * the message is stored; `reply` settles when the answer is stored too. Messages of one
   * session are handled one at a time, so every reply directly follows its message.
   */
  async function accept(
    actor: Actor,
    sessionId: string,
    request: CreateMessageRequest,
  ): Promise<AcceptedMessage> {
    const session = await sessions.getVisible(actor, sessionId)
    let onStored!: (stored: { message: Message; duplicate: boolean }) => void
    let onFailed!: (error: unknown) => void
    const stored = new Promise<{ message: Message; duplicate: boolean }>((resolve, reject) => {
      onStored = resolve
      onFailed = reject
    })

    const reply = perSession(sessionId, async () => {
      let accepted: { message: Message; duplicate: boolean }

      try {
        accepted = await store(actor, session, request)
      } catch (error) {
        onFailed(error)
        return null
      }

      onStored(accepted)

      if (accepted.message.sender_type !== 'client') {
        return null
      }

      if (accepted.duplicate) {
        return storage.messages.findReply(sessionId, accepted.message.id)
      }

      return answer(session, accepted.message)
    })

    return { ...(await stored), reply }
  }

  async function store(actor: Actor, session: SessionRecord, request: CreateMessageRequest) {
    const message: Message = {
      id: newId('message'),
      session_id: session.session_id,
      sender_type: request.sender_type,
      sender_id: senderIdOf(actor, session, request.sender_type),
      content: request.content,
      timestamp: new Date().toISOString(),
      posted_by: actor.userId,
      ...(request.client_message_id ? { client_message_id: request.client_message_id } : {}),
    }

    const accepted = assertAppended(
      await storage.messages.appendToActiveSession(session.session_id, [message]),
    )

    if (!accepted.duplicate) {
      await bus.publish(session.session_id, {
        type: 'new_message',
        data: { session_id: session.session_id, message: accepted.message },
      })
    }

    return accepted
  }

  /** Writes the persona's answer; null when the session ended while it was being written. */
  async function answer(session: SessionRecord, clientMessage: Message): Promise<Message | null> {
    const persona = personas.get(session.persona_id)

    await typing(session, true)

    try {
      const recentMessages = await storage.messages.tail(session.session_id, deps.contextMessages)
      const reply = await engine.reply({
        persona,
        goals: session.goals,
        recentMessages,
        clientMessage,
      })

      if (reply.assessment.risk.length > 0) {
        await flagRisk(session.session_id, reply.assessment.risk, clientMessage)
      }

      const message: Message = {
        id: newId('message'),
        session_id: session.session_id,
        sender_type: 'persona',
        sender_id: persona.persona_id,
        content: reply.content,
        timestamp: new Date().toISOString(),
        in_reply_to: clientMessage.id,
      }

      const result = await storage.messages.appendToActiveSession(session.session_id, [message])

      if (!result.ok) {
        logger.info({ session_id: session.session_id }, 'persona reply dropped: session not active')
        return null
      }

      await bus.publish(session.session_id, {
        type: 'new_message',
        data: { session_id: session.session_id, message },
      })

      return message
    } finally {
      await typing(session, false)
    }
  }

  function typing(session: SessionRecord, isTyping: boolean) {
    return bus.publish(session.session_id, {
      type: 'typing_indicator',
      data: {
        session_id: session.session_id,
        sender_type: 'persona',
        sender_id: session.persona_id,
        is_typing: isTyping,
      },
    })
  }

  async function flagRisk(sessionId: string, categories: RiskCategory[], message: Message) {
    const current = await storage.sessions.get(sessionId)

    if (!current) {
      return
    }

    await storage.sessions.update(sessionId, {
      risk: withRisk(current.risk, categories, message.id, message.timestamp),
      updated_at: new Date().toISOString(),
    })

    logger.warn({ session_id: sessionId, categories }, 'session flagged for risk')
  }

  /** The REST flavour: answers once the persona's reply is stored too. */
  async function post(
    actor: Actor,
    sessionId: string,
    request: CreateMessageRequest,
  ): Promise<{ response: CreateMessageResponse; duplicate: boolean }> {
    const accepted = await accept(actor, sessionId, request)

    return {
      response: { ...accepted.message, persona_reply: await accepted.reply },
      duplicate: accepted.duplicate,
    }
  }

  async function list(actor: Actor, sessionId: string, query: MessageListQuery) {
    await sessions.getVisible(actor, sessionId)

    const messages = await storage.messages.list(sessionId, {
      after: query.after,
      limit: query.limit + 1,
    })
    const page = messages.slice(0, query.limit)
    const hasMore = messages.length > query.limit

    return { messages: page, next_cursor: hasMore ? (page.at(-1)?.id ?? null) : null }
  }

  return { accept, post, list }
}

export type MessageService = ReturnType<typeof createMessageService>
