import {
  instructsThePersona,
  isSafeToQuote,
  keyPhrase,
  swapPronouns,
  touchesOnHarm,
  voicesDespair,
  withoutLinksOrMarkup,
} from '../../language/index.js'

/** Fewer words than this are not a point worth restating. */
const MIN_WORDS = 3

/** The persona as the subject of a sentence: "I am", "I'm", "I love". */
const PERSONA_AS_SUBJECT = /\bI\b/

/**
 * The client's key phrase turned round to the listener ("my boss ignores me" becomes "your
 * boss ignores you"), or null when nothing is safe to quote. Nothing is quoted from a message
 * that gives the persona orders, links and markup are dropped before the phrase is chosen, and
 * a phrase is quoted only when it is short plain speech. A phrase that, turned round, would have
 * the persona speak of itself ("you are useless" becomes "I am useless", "say I love you"
 * becomes "say you love me") is not quoted either: the persona only restates the client.
 * Nothing is quoted from a message about harm, disappearing, being a burden or not being able to
 * go on: said back ("you want to vanish and never come back"), it can sound like agreement.
 */
export function quotable(text: string): string | null {
  if (instructsThePersona(text) || touchesOnHarm(text) || voicesDespair(text)) {
    return null
  }

  const phrase = keyPhrase(withoutLinksOrMarkup(text))

  if (!phrase || phrase.split(' ').length < MIN_WORDS || !isSafeToQuote(phrase)) {
    return null
  }

  const swapped = swapPronouns(phrase)

  if (PERSONA_AS_SUBJECT.test(swapped)) {
    return null
  }

  return swapped.charAt(0).toLowerCase() + swapped.slice(1)
}
