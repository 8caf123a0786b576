import type { SupportStrategy } from '../../ports/persona-engine.js'
import type { Conversation } from './conversation.js'
import {
  COPING_FOLLOW_UPS,
  FOLLOW_UPS,
  GREETINGS,
  OPENINGS,
  POSITIVE_OPENINGS,
  TEMPLATES,
  type Template,
} from './phrasebook.js'
import { usedTemplate } from './recognise-strategy.js'
import { hash, unit } from './seed.js'
import type { Slots } from './slots.js'
import { capitalise, contract, expand, fill, suits } from './style.js'
import { techniqueNote } from './technique-notes.js'

/** How many recent replies a template should not be reused from. */
const FRESH_WITHIN = 3

/**
 * Templates that quote the client come first, then those naming their topic or goal, then
 * generic ones: a reply should stay with what the client said.
 */
function groundingRank(text: string): number {
  if (text.includes('{phrase}')) {
    return 0
  }

  if (text.includes('{goal}')) {
    return 0.25
  }

  return text.includes('{topic}') ? 0.5 : 2
}

/** How far the seed may reorder templates: within a grounding rank, not across ranks. */
const VARIETY = 0.45

/** Below this formality a persona speaks in contractions. */
const CASUAL_BELOW = 0.55

/**
 * The templates of a strategy this persona can say now, best first: fitting the style, with
 * every slot filled, preferring ones that mention the client's topic or words and ones not
 * used recently, in a seeded order.
 */
function candidates(templates: Template[], conversation: Conversation, slots: Slots, salt: string) {
  const recent = conversation.previousReplies.slice(0, FRESH_WITHIN)
  const filled = templates
    .filter((template) => suits(template, conversation.style))
    .map((template) => ({ template, text: fill(template.text, { ...slots }) }))
    .filter((entry): entry is { template: Template; text: string } => entry.text !== null)

  const rank = (entry: { template: Template }) =>
    groundingRank(entry.template.text) +
    (recent.some((reply) => usedTemplate(reply, entry.template.text)) ? 1 : 0) +
    VARIETY * unit(conversation.seed, `${salt}:${entry.template.text}`)

  return filled.sort((a, b) => rank(a) - rank(b)).map((entry) => entry.text)
}

/** Whether to add a line, with a probability that follows a style value. */
function chance(conversation: Conversation, salt: string, probability: number): boolean {
  return unit(conversation.seed, salt) < probability
}

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

  const pool = reading.valence === 'positive' ? POSITIVE_OPENINGS : OPENINGS
  const lastOpening = conversation.previousReplies[0]?.split(/(?<=[.!?])\s/)[0] ?? ''
  return (
    candidates(pool, conversation, slots, 'opening').find(
      (line) => expand(line) !== expand(lastOpening),
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

  if (strategy === 'suggestion' && slots.goal) {
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
function finish(parts: string[], conversation: Conversation): string {
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
  const restricted =
    strategy === 'affirmation' &&
    !conversation.reading.coping &&
    conversation.reading.valence !== 'positive'
  const usable = restricted ? { ...slots, phrase: undefined } : slots
  const pool = candidates(TEMPLATES[strategy], conversation, usable, strategy)
  const grounded = pool.filter((text) => text.length > 0)
  const previous = new Set(conversation.previousReplies.map(expand))

  for (const core of grounded) {
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

/** The first reply of a session to a plain greeting: the persona introduces itself. */
export function composeGreeting(conversation: Conversation, slots: Slots): string {
  const line =
    candidates(GREETINGS, conversation, slots, 'greeting')[0] ?? `Hello, I am ${slots.name}.`
  return finish([line], conversation)
}

/** A last resort that always works, for input nothing else could be written for. */
export function composeFallback(conversation: Conversation): string {
  const lines = [
    'Could you tell me a little more about what has been on your mind?',
    'I am listening. What would you like to talk about?',
  ]
  return finish([lines[hash(String(conversation.seed)) % lines.length]!], conversation)
}
