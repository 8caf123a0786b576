import type { Conversation } from './conversation.js'
import type { Template } from './phrasebook.js'
import { usedTemplate } from './recognise-strategy.js'
import { unit } from './seed.js'
import type { Slots } from './slots.js'
import { fill, suits } from './style.js'

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

/** A template used in the last few replies comes after every fresh one. */
const REUSE_PENALTY = 3

/** How far the seed may reorder templates: within a grounding rank, not across ranks. */
const VARIETY = 0.45

/**
 * The templates of a strategy this persona can say now, best first: fitting the style, with
 * every slot filled, preferring ones that mention the client's topic or words and ones not
 * used recently, in a seeded order.
 */
export function candidates(
  templates: Template[],
  conversation: Conversation,
  slots: Slots,
  salt: string,
) {
  const recent = conversation.expandedReplies.slice(0, FRESH_WITHIN)
  const filled = templates
    .filter((template) => suits(template, conversation.style))
    .map((template) => ({ template, text: fill(template.text, slots) }))
    .filter((entry): entry is { template: Template; text: string } => entry.text !== null)

  const rank = (entry: { template: Template }) =>
    groundingRank(entry.template.text) +
    (recent.some((reply) => usedTemplate(reply, entry.template.text)) ? REUSE_PENALTY : 0) +
    VARIETY * unit(conversation.seed, `${salt}:${entry.template.text}`)

  return filled.sort((a, b) => rank(a) - rank(b)).map((entry) => entry.text)
}

/** Whether to add a line, with a probability that follows a style value. */
export function chance(conversation: Conversation, salt: string, probability: number): boolean {
  return unit(conversation.seed, salt) < probability
}
