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
import type { PersonaEngine } from '../ports/persona-engine.js'
import type { AppendResult, SessionRecord, Storage } from '../ports/storage.js'
import { createKeyedQueue } from './keyed-queue.js'
import type { PersonaRegistry } from './persona-registry.js'
import type { SessionService } from './session-service.js'

const RISK_MESSAGE_IDS_KEPT = 20

export interface MessageServiceDeps {
  storage: Storage
  sessions: SessionService
  personas: PersonaRegistry
  engine: PersonaEngine
  logger: Logger
  /** How many recent messages the persona engine sees. */
  contextMessages: number
}

function senderIdOf(actor: Actor, session: SessionRecord, senderType: Message['sender_type']) {
  if (senderType === 'client') {
    return session.client_id
  }

  return senderType === 'persona' ? session.persona_id : actor.userId
}

function assertAppended(result: AppendResult): Message[] {
  if (result.ok) {
    return result.messages
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
  const { storage, sessions, personas, engine, logger } = deps
  const perSession = createKeyedQueue()

  async function post(
    actor: Actor,
    sessionId: string,
    request: CreateMessageRequest,
  ): Promise<CreateMessageResponse> {
    const session = await sessions.getVisible(actor, sessionId)

    return perSession(sessionId, async () => {
      const message: Message = {
        id: newId('message'),
        session_id: sessionId,
        sender_type: request.sender_type,
        sender_id: senderIdOf(actor, session, request.sender_type),
        content: request.content,
        timestamp: new Date().toISOString(),
      }

      const [stored] = assertAppended(
        await storage.messages.appendToActiveSession(sessionId, [message]),
      )
      const personaReply = message.sender_type === 'client' ? await reply(session, stored!) : null

      return { ...stored!, persona_reply: personaReply }
    })
  }

  /** Writes the persona's answer; null when the session ended while the reply was written. */
  async function reply(session: SessionRecord, clientMessage: Message): Promise<Message | null> {
    const persona = personas.get(session.persona_id)
    const recentMessages = await storage.messages.tail(session.session_id, deps.contextMessages)
    const answer = await engine.reply({
      persona,
      goals: session.goals,
      recentMessages,
      clientMessage,
    })

    if (answer.assessment.risk.length > 0) {
      await flagRisk(session.session_id, answer.assessment.risk, clientMessage)
    }

    const message: Message = {
      id: newId('message'),
      session_id: session.session_id,
      sender_type: 'persona',
      sender_id: persona.persona_id,
      content: answer.content,
      timestamp: new Date().toISOString(),
    }

    const result = await storage.messages.appendToActiveSession(session.session_id, [message])

    if (!result.ok) {
      logger.info(
        { session_id: session.session_id },
        'persona reply dropped: session no longer active',
      )
      return null
    }

    return result.messages[0] ?? null
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

  return { post, list }
}

export type MessageService = ReturnType<typeof createMessageService>
