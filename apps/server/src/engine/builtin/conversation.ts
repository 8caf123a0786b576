import type { Message, PersonaFile } from '@smartsteps/contracts'

import {
  asksAboutMedication,
  detectRisk,
  detectTopics,
  readText,
  type TextReading,
  type Topic,
  TOPIC_DEFINITIONS,
  touchesOnHarm,
  voicesDespair,
} from '../../language/index.js'
import type { ReplyRequest, SupportStrategy } from '../../ports/persona-engine.js'
import { asksWhatThePersonaIs } from './identity.js'
import { quotable } from './quotable.js'
import { recogniseStrategy } from './recognise-strategy.js'
import { SAFETY_SIGNATURE } from './safety.js'
import { hash } from './seed.js'
import { expand, type Style } from './style.js'

/** What the engine knows when it writes a reply. */
export interface Conversation {
  persona: PersonaFile
  style: Style
  goals: string[]
  /** The client's message as sent. */
  text: string
  reading: TextReading
  topic: Topic | null
  /** How to name the topic back: "your exams", or the topic's own reference. */
  topicRef: string | null
  /** The client's point in the listener's words: "your boss ignores you". */
  phrase: string | null
  /** Strategies of the persona's two latest replies, most recent first. */
  previousStrategies: (SupportStrategy | null)[]
  /** The persona's earlier replies, most recent first, as written and in `expand`ed form. */
  previousReplies: string[]
  expandedReplies: string[]
  /** How many client messages of the recent window came before this one. */
  earlierClientTurns: number
  greeting: boolean
  /** A question about the persona itself: "how are you", "are you a bot". */
  social: boolean
  /** A question about what the persona is: "are you a real doctor", "am I talking to a bot". */
  identityQuestion: boolean
  /** A question or decision about taking medicine: "should I double my dose". */
  medicationQuestion: boolean
  /** Death, injury, weapons, medicine or farewells come up: nothing to praise or cheer. */
  touchesOnHarm: boolean
  /** "I can't do this anymore": may or may not mean suicide, so the persona asks. */
  despair: boolean
  /** The persona's last reply was the safety reply, or answered a message that signalled risk. */
  justAfterRisk: boolean
  /** A recent client message signalled risk: no homework or goal-tracking yet. */
  recentRisk: boolean
  /** Nothing in the message itself to respond to: no topic, feeling, plan or request. */
  contentless: boolean
  helpSeeking: boolean
  infoSeeking: boolean
  seed: number
}

/** Only the last two strategies matter: one must not repeat, the other should not soon. */
const STRATEGY_MEMORY = 2

/** Below this a topic is too faintly present to talk about. */
const TOPIC_FLOOR = 0.5

/** How many earlier client messages may lend their topic to a short reply like "yes". */
const TOPIC_MEMORY = 3

/** Shorter than this, a message may lean on the topic of an earlier one: "yes, all week". */
const SHORT_REPLY_WORDS = 6

/** How many earlier client messages a risk signal keeps the persona from homework and goals. */
const RISK_MEMORY = 3

const GREETING =
  /^(?:hi|hello|hey|hiya|howdy|greetings|good (?:morning|afternoon|evening)|hi there|hello there)\b[\s\p{P}\p{S}]*(?:(?:doctor|dr|there|everyone)\b[\s\p{P}\p{S}]*)?(?:how are you\b[\s\p{P}\p{S}]*)?$/iu

const SOCIAL =
  /^(?:(?:and|so|but)\s+)?(?:how are you|how r u|how are u|how is your day|how's your day|how was your day|what is your name|what's your name|your name|who are you|are you (?:a )?(?:bot|robot|human|real|ai|person)|are you there|you there)\b/i

const HELP_SEEKING =
  /\b(?:what (?:should|can|could|do) i do|any (?:advice|tips|suggestions|ideas)|how (?:can|do|should|could) i|help me|what would you (?:suggest|recommend|do)|do you have (?:any )?(?:advice|suggestions|tips)|what can i try|how to (?:cope|deal|stop|get over))\b/i

const INFO_SEEKING =
  /\b(?:why (?:do|does|am|is|can't|cannot|would)|is (?:it|this|that) normal|is something wrong with me|am i (?:normal|crazy|overreacting)|what (?:is|does) .{1,40} mean|how common|does everyone)\b/i

/** Reads the request into what the strategies need. */
export function readConversation(request: ReplyRequest): Conversation {
  const { persona, goals, clientMessage } = request
  const earlier = request.recentMessages.filter((message) => message.id !== clientMessage.id)
  const personaReplies = earlier.filter((message) => message.sender_type === 'persona').reverse()
  const earlierClient = earlier.filter((message) => message.sender_type === 'client').reverse()
  const text = clientMessage.content
  const reading = readText(text)
  const topicMatch = currentTopic(reading, text, earlierClient)
  const phrase = quotable(text)
  const social = SOCIAL.test(text.trim())
  const helpSeeking = HELP_SEEKING.test(text)
  const infoSeeking = INFO_SEEKING.test(text)
  const ownTopic = (reading.topics[0]?.score ?? 0) >= TOPIC_FLOOR
  const risky = earlierClient.slice(0, RISK_MEMORY).map((message) => detectRisk(message.content))
  const lastWasSafety = personaReplies[0]?.content.includes(SAFETY_SIGNATURE) ?? false
  const justAfterRisk = lastWasSafety || (risky[0]?.length ?? 0) > 0

  return {
    persona,
    style: persona.communication_style,
    goals: goals.map((goal) => goal.trim()).filter(Boolean),
    text,
    reading,
    topic: topicMatch?.topic ?? null,
    topicRef: topicMatch ? referenceTo(topicMatch.topic, topicMatch.cue, topicMatch.text) : null,
    phrase,
    previousStrategies: personaReplies
      .slice(0, STRATEGY_MEMORY)
      .map((message) => recogniseStrategy(message.content)),
    previousReplies: personaReplies.map((message) => message.content),
    expandedReplies: personaReplies.map((message) => expand(message.content)),
    earlierClientTurns: earlierClient.length,
    greeting: GREETING.test(text.trim()),
    social,
    identityQuestion: asksWhatThePersonaIs(text),
    medicationQuestion: asksAboutMedication(text),
    touchesOnHarm: touchesOnHarm(text),
    despair: voicesDespair(text),
    justAfterRisk,
    recentRisk:
      justAfterRisk ||
      risky.some((risk) => risk.length > 0) ||
      personaReplies
        .slice(0, RISK_MEMORY)
        .some((reply) => reply.content.includes(SAFETY_SIGNATURE)),
    contentless:
      !ownTopic &&
      !phrase &&
      reading.valence === 'none' &&
      !reading.coping &&
      !helpSeeking &&
      !infoSeeking &&
      !social,
    helpSeeking,
    infoSeeking,
    seed: hash(`${clientMessage.session_id}:${clientMessage.id}:${persona.persona_id}`),
  }
}

/**
 * The topic of this message, or, for a short reply like "yes, every night", the topic of a
 * recent one. A longer message speaks for itself: "tired all the time and kind of numb" after an
 * earlier talk about sleep is about being tired and numb now, not about sleep again.
 */
function currentTopic(reading: TextReading, text: string, earlierClient: Message[]) {
  const now = reading.topics[0]

  if (now && now.score >= TOPIC_FLOOR) {
    return { ...now, text }
  }

  if (reading.wordCount >= SHORT_REPLY_WORDS) {
    return null
  }

  for (const message of earlierClient.slice(0, TOPIC_MEMORY)) {
    const before = detectTopics(message.content)[0]

    if (before && before.score >= TOPIC_FLOOR) {
      return { ...before, text: message.content }
    }
  }

  return null
}

/**
 * "my exams" becomes "your exams"; a cue the client did not make their own falls back to the
 * topic's reference ("what is happening at work").
 */
function referenceTo(topic: Topic, cue: string, source: string): string {
  if (cue.startsWith('my ')) {
    return `your ${cue.slice(3)}`
  }

  const owned = new RegExp(`\\bmy ${cue.replace(/[^\w ]/g, '')}\\b`, 'i')
  return owned.test(source) ? `your ${cue}` : TOPIC_DEFINITIONS[topic].reference
}
