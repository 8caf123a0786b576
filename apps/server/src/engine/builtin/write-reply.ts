import { detectRisk } from '../../language/index.js'
import type { PersonaReply, ReplyRequest } from '../../ports/persona-engine.js'
import { composeDespairCheck, composeSafetyFollowUp } from './check-in.js'
import { rankStrategies } from './choose-strategy.js'
import { compose } from './compose.js'
import { type Conversation, readConversation } from './conversation.js'
import { composeIdentity } from './identity.js'
import { composeMedicationReply } from './medication-reply.js'
import { safetyReply } from './safety.js'
import { slotsFor } from './slots.js'
import { composeFallback, composeGreeting, composeSocial } from './special-replies.js'

function assessmentOf(conversation: Conversation) {
  const { reading, topic } = conversation
  return { mood: reading.mood, intensity: reading.intensity, topic, risk: reading.risk }
}

function replyTo(conversation: Conversation): PersonaReply {
  const assessment = assessmentOf(conversation)

  if (assessment.risk.length > 0) {
    return {
      content: safetyReply(assessment.risk, conversation.seed),
      assessment: { ...assessment, strategy: 'information' },
    }
  }

  if (conversation.medicationQuestion) {
    return {
      content: composeMedicationReply(conversation),
      assessment: { ...assessment, strategy: 'information' },
    }
  }

  const slots = slotsFor(conversation)

  // Asked whether it is a person or a clinician, the persona always answers, and in full.
  if (conversation.identityQuestion) {
    return {
      content: composeIdentity(conversation, slots),
      assessment: { ...assessment, strategy: 'information' },
    }
  }

  // Right after a risk signal, the person comes before any goal or exercise.
  if (conversation.justAfterRisk) {
    return {
      content: composeSafetyFollowUp(conversation),
      assessment: { ...assessment, strategy: 'question' },
    }
  }

  if (conversation.despair) {
    return {
      content: composeDespairCheck(conversation),
      assessment: { ...assessment, strategy: 'question' },
    }
  }

  if (conversation.greeting && conversation.earlierClientTurns === 0) {
    return {
      content: composeGreeting(conversation, slots),
      assessment: { ...assessment, strategy: 'question' },
    }
  }

  if (conversation.social && conversation.previousStrategies[0] !== 'information') {
    return {
      content: composeSocial(conversation, slots),
      assessment: { ...assessment, strategy: 'information' },
    }
  }

  for (const strategy of rankStrategies(conversation)) {
    const content = compose(strategy, conversation, slots)

    if (content) {
      return { content, assessment: { ...assessment, strategy } }
    }
  }

  return {
    content: composeFallback(conversation),
    assessment: { ...assessment, strategy: 'question' },
  }
}

/**
 * The persona's reply to the client's message, with what the engine read in it. Always
 * answers: if writing the reply fails on some input nobody foresaw, the client still gets a
 * plain invitation to go on, and risk is still checked, because the message is already stored
 * and the session must not stall.
 */
export function writeReply(request: ReplyRequest): PersonaReply {
  try {
    return replyTo(readConversation(request))
  } catch {
    const risk = detectRisk(request.clientMessage.content)
    const content =
      risk.length > 0
        ? safetyReply(risk, 0)
        : 'Could you tell me a little more about what has been on your mind?'

    return {
      content,
      assessment: {
        mood: 'neutral',
        intensity: 0,
        topic: null,
        strategy: risk.length > 0 ? 'information' : 'question',
        risk,
      },
    }
  }
}
