import { SUPPORT_STRATEGIES, type SupportStrategy } from '../../ports/persona-engine.js'
import type { Conversation } from './conversation.js'
import { unit } from './seed.js'

type Scores = Record<SupportStrategy, number>

/** How much the seed may shift a score: enough to vary close calls, never to overturn clear ones. */
const JITTER = 0.4

/** A strategy used two replies ago is still a little less welcome. */
const RECENT_PENALTY = 0.6

/**
 * How well each strategy fits this moment, before repetition is taken into account. Strong
 * feelings are met with reflection before advice; a request for help is met with a suggestion;
 * a short or vague message with a question; coping with affirmation.
 */
function fit(conversation: Conversation): Scores {
  const { reading, style, phrase, earlierClientTurns } = conversation
  const negative = reading.valence === 'negative'
  const settled = Math.min(1.2, 0.3 * Math.max(0, earlierClientTurns - 1))
  // Advice in answer to "ok" or "how are you" reads as not listening.
  const bare = conversation.contentless || conversation.social ? 1 : 0

  return {
    question:
      1 +
      (reading.wordCount < 6 ? 1.2 : 0) +
      (conversation.topic ? 0 : 0.8) +
      0.6 * (1 - style.directiveness),
    restatement: phrase && reading.wordCount >= 6 ? 1 + 0.3 * (1 - style.directiveness) : 0,
    reflection_of_feelings: negative
      ? 0.6 + 0.22 * reading.intensity + 0.3 * style.warmth
      : reading.valence === 'positive'
        ? 0.5
        : 0,
    // Never praise a message about death or harm: a risk in it may have gone unrecognised.
    affirmation: conversation.touchesOnHarm
      ? -Infinity
      : (reading.coping ? 2.2 : 0) +
        (reading.valence === 'positive' ? 1.5 : 0.2) +
        0.3 * style.warmth,
    // No homework soon after a risk signal: the persona stays with the person.
    suggestion: conversation.recentRisk
      ? -Infinity
      : (earlierClientTurns === 0 && !conversation.helpSeeking ? 0 : 0.3 + settled) +
        (conversation.helpSeeking ? 2.5 : 0) +
        0.8 * style.directiveness -
        (reading.intensity >= 8 ? 1 : 0) -
        (reading.valence === 'none' && !conversation.helpSeeking ? 1 : 0) -
        2.5 * bare,
    information:
      0.2 +
      (conversation.infoSeeking ? 2 : 0) +
      0.5 * style.complexity +
      (conversation.topic && earlierClientTurns >= 2 ? 0.3 : 0) +
      0.6 * bare,
  }
}

/**
 * The strategy for this reply: the best fit, never the one used for the previous reply, a
 * little less likely if used just before that, with a seeded nudge so close calls vary.
 *
 * @returns the strategies best first; the first is the choice, the rest are fall-backs for
 * when the first cannot be written (no phrase to restate, no guide to suggest).
 */
export function rankStrategies(conversation: Conversation): SupportStrategy[] {
  const scores = fit(conversation)
  const [last, beforeLast] = conversation.previousStrategies

  for (const strategy of SUPPORT_STRATEGIES) {
    scores[strategy] += JITTER * unit(conversation.seed, strategy)

    if (strategy === beforeLast) {
      scores[strategy] -= RECENT_PENALTY
    }

    if (strategy === last) {
      scores[strategy] = -Infinity
    }
  }

  return [...SUPPORT_STRATEGIES].sort((a, b) => scores[b] - scores[a])
}
