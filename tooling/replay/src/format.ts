import type { MoodAnalysis } from '@smartsteps/contracts'

import { surveyDirection } from './agreement.js'
import { conversationMood } from './figures.js'
import type { ConversationResult } from './replay-conversation.js'

export function formatMood(mood: MoodAnalysis | null): string {
  if (!mood) {
    return '–'
  }

  return `${mood.primary}/${mood.secondary ?? '–'} ${mood.confidence.toFixed(2)}`
}

export function formatMs(ms: number | null): string {
  return ms === null ? '–' : `${ms.toFixed(1)} ms`
}

/** The primary mood of each session, in order, when a conversation was split. */
export function sessionPrimaries(result: ConversationResult): string {
  return result.sessions.map((session) => session.mood.primary).join(', ')
}

export function surveyText(result: ConversationResult): string {
  const { initialIntensity, finalIntensity } = result.conversation
  const direction = surveyDirection(initialIntensity, finalIntensity)

  return direction ? `${initialIntensity}→${finalIntensity} ${direction}` : '–'
}

/** The one line printed per conversation as it finishes. */
export function conversationLine(result: ConversationResult): string {
  const index = `#${String(result.conversation.index).padStart(3, '0')}`
  const label = result.conversation.emotionType.padEnd(11)
  const mood = formatMood(conversationMood(result)).padEnd(26)
  const parts = result.sessions.length > 1 ? ` [${sessionPrimaries(result)}]` : ''

  return (
    `${index} ${label} -> ${mood} msgs ${result.latencies.length}` +
    ` replies ${result.personaReplies} errors ${result.errors.length}${parts}`
  )
}
