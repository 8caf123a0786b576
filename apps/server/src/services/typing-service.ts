import type { SenderType, TypingData } from '@smartsteps/contracts'

import type { Actor } from '../domain/actor.js'
import { conflict } from '../domain/errors.js'
import type { EventBus } from '../ports/event-bus.js'
import type { SessionService } from './session-service.js'

/** Who was shown typing where: enough to take the indicator back later. */
export type TypingIndicator = Pick<TypingData, 'session_id' | 'sender_type' | 'sender_id'>

/** Typing indicators from people in a session; ephemeral, so nothing is stored. */
export function createTypingService(bus: EventBus, sessions: SessionService) {
  async function typing(
    actor: Actor,
    sessionId: string,
    senderType: SenderType,
    isTyping: boolean,
  ): Promise<TypingIndicator> {
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
    const indicator = { session_id: sessionId, sender_type: senderType, sender_id: senderId }

    await bus.publish(sessionId, {
      type: 'typing_indicator',
      data: { ...indicator, is_typing: isTyping },
    })

    return indicator
  }

  /**
   * Turns off an indicator that `typing` turned on, for a sender who went away without doing so.
   * No checks: it was allowed when shown, and turning it off reveals or changes nothing, even
   * once the session has ended.
   */
  async function withdraw(indicator: TypingIndicator) {
    await bus.publish(indicator.session_id, {
      type: 'typing_indicator',
      data: { ...indicator, is_typing: false },
    })
  }

  return { typing, withdraw }
}

export type TypingService = ReturnType<typeof createTypingService>
