import type { SupportStrategy } from '../../ports/persona-engine.js'
import { candidates, chance } from './candidates.js'
import type { Conversation } from './conversation.js'
import {
  COPING_FOLLOW_UPS,
  FOLLOW_UPS,
  OPENINGS,
  POSITIVE_OPENINGS,
  TEMPLATES,
} from './phrasebook.js'
import type { Slots } from './slots.js'
import { capitalise, contract, expand } from './style.js'
import { techniqueNote } from './technique-notes.js'

/** Below this formality a persona speaks in contractions. */
const CASUAL_BELOW = 0.55

/**
 * An opening line for a reply to a feeling, as often as the persona is warm, and never the
 * same one as the reply before.
 */
function opening(
  conversation: Conversation,
  strategy: SupportStrategy,
  slots: Slots,
): string | null {
  const { reading, style } = conversation

  if (
    reading.valence === 'none' ||
    strategy === 'affirmation' ||
    !chance(conversation, 'open', style.warmth)
  ) {
    return null
  }

  // "That is good to hear" must never open a reply to a message about death or harm.
  const cheerful = reading.valence === 'positive' && !conversation.touchesOnHarm
  const pool = cheerful ? POSITIVE_OPENINGS : OPENINGS
  const lastReply = conversation.expandedReplies[0] ?? ''
  return (
    candidates(pool, conversation, slots, 'opening').find(
      (line) => !lastReply.startsWith(expand(line)),
    ) ?? null
  )
}

/** The extra lines some strategies and styles call for after the core. */
function extras(conversation: Conversation, strategy: SupportStrategy, core: string, slots: Slots) {
  const { style } = conversation
  const lines: string[] = []

  if (strategy === 'suggestion' && slots.technique && style.complexity >= 0.6) {
    const note = techniqueNote(slots.technique)

    if (note && !core.includes(slots.technique)) {
      lines.push(`This comes from ${slots.technique}, which ${note}.`)
    }
  }

  if (strategy === 'suggestion' && slots.goal && slots.goalRelevant) {
    lines.push(`It also ties in with your goal, "${slots.goal}".`)
  }

  if (strategy === 'information' && slots.moreFact && style.complexity >= 0.6) {
    lines.push(`Also, ${slots.moreFact}.`)
  }

  const followUps =
    strategy === 'affirmation' && conversation.reading.coping
      ? COPING_FOLLOW_UPS
      : (FOLLOW_UPS[strategy] ?? [])
  const wantsFollowUp =
    strategy === 'restatement' || strategy === 'suggestion' || chance(conversation, 'follow', 0.5)

  if (!core.endsWith('?') && wantsFollowUp) {
    const line = candidates(followUps, conversation, slots, 'follow')[0]

    if (line) {
      lines.push(line)
    }
  }

  return lines
}

/** Casual wording and capitals at the start of each sentence. */
export function finish(parts: string[], conversation: Conversation): string {
  const text = parts.map(capitalise).join(' ')
  return conversation.style.formality < CASUAL_BELOW ? contract(text) : text
}

/**
 * Writes a reply with the given strategy, or null when this strategy cannot be carried out
 * here (nothing to restate, no suggestion left). Avoids repeating a recent reply word for word.
 */
export function compose(
  strategy: SupportStrategy,
  conversation: Conversation,
  slots: Slots,
): string | null {
  // Praise for a message about death or harm could endorse a risk nobody recognised.
  if (strategy === 'affirmation' && conversation.touchesOnHarm) {
    return null
  }

  // Only a plan or a step taken is worth quoting back as an achievement.
  const restricted = strategy === 'affirmation' && !conversation.reading.coping
  const usable = restricted ? { ...slots, phrase: undefined } : slots
  const previous = new Set(conversation.expandedReplies)

  for (const core of candidates(TEMPLATES[strategy], conversation, usable, strategy)) {
    const open = opening(conversation, strategy, usable)
    const reply = finish(
      [...(open ? [open] : []), core, ...extras(conversation, strategy, core, usable)],
      conversation,
    )

    if (!previous.has(expand(reply))) {
      return reply
    }
  }

  return null
}
