import type { SenderType } from '@smartsteps/contracts'

import type { Actor } from '../domain/actor.js'
import { conflict } from '../domain/errors.js'
import type { EventBus } from '../ports/event-bus.js'
import type { SessionService } from './session-service.js'

/** Typing indicators from people in a session; ephemeral, so nothing is stored. */
export function createTypingService(bus: EventBus, sessions: SessionService) {
  async function typing(
    actor: Actor,
    sessionId: string,
    senderType: SenderType,
    isTyping: boolean,
  ) {
    const session = await sessions.getVisible(actor, sessionId)

    if (session.status !== 'active') {
      throw conflict(`Typing is only shown in an active session; this one is ${session.status}`)
    }

    const senderId =
      senderType === 'client'
        ? session.client_id
        : senderType === 'persona'
          ? session.persona_id
          : actor.userId

    await bus.publish(sessionId, {
      type: 'typing_indicator',
      data: {
        session_id: sessionId,
        sender_type: senderType,
        sender_id: senderId,
        is_typing: isTyping,
      },
    })
  }

  return { typing }
}
