import { isCopingStatement } from './coping.js'
import { scoreEmotions, totalEvidenceOf } from './emotion-scores.js'
import { detectRisk } from './risk.js'
import { similarity } from './similarity.js'
import { splitSentences } from './sentences.js'
import { words } from './tokenise.js'
import { detectTopics } from './topics.js'

/** Small talk and questions about the listener tell a reader nothing about the client. */
const SMALL_TALK =
  /^(?:hi|hello|hey|ok|okay|yes|yeah|no|thanks|thank you|bye|good ?bye|how are you|are you there|what about you|you too|same here)\b/i

/** Sentences this similar (shared content words) count as saying the same thing. */
const SAME = 0.5

/** The longest key point kept, in characters; longer ones are cut at a word. */
const MAX_CHARS = 220

/**
 * How much a sentence says about the client's situation: feelings, topics, plans and risk
 * count; short small talk counts for nothing.
 */
export function sentenceSalience(sentence: string): number {
  const count = words(sentence).length
  const coping = isCopingStatement(sentence) ? 1 : 0

  if (count < 4 || (SMALL_TALK.test(sentence.trim()) && count < 8 && !coping)) {
    return 0
  }

  const emotion = Math.min(3, totalEvidenceOf(scoreEmotions(sentence)))
  const topic = Math.min(
    2,
    detectTopics(sentence).reduce((sum, match) => sum + match.score, 0),
  )
  const personal = /\b(?:i|i'm|my|me|myself|we)\b/i.test(sentence) ? 0.5 : 0
  const risk = detectRisk(sentence).length > 0 ? 3 : 0
  const asksListener = /\byou\b.*\?\s*$/i.test(sentence) ? -1 : 0

  return emotion + topic + personal + coping + risk + asksListener + Math.min(1, count / 15)
}

/** Cuts a long sentence at a word so it reads as a quotation. */
export function clip(sentence: string, maxChars = MAX_CHARS): string {
  const clean = sentence.replace(/\s+/g, ' ').trim()

  if (clean.length <= maxChars) {
    return clean
  }

  const cut = clean.slice(0, maxChars)
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:\s]+$/, '')}…`
}

/**
 * The sentences of several texts that say most about the client, without near repeats, in the
 * order they were said.
 *
 * @example salientSentences(['hi', 'I lost my job and I am scared.'], 5) // ['I lost my job and I am scared.']
 */
export function salientSentences(texts: string[], max = 5, minimum = 1.5): string[] {
  const scored = texts
    .flatMap((text) => splitSentences(text))
    .map((sentence, order) => ({
      sentence: clip(sentence),
      order,
      score: sentenceSalience(sentence),
    }))
    .filter((entry) => entry.score >= minimum)
    .sort((a, b) => b.score - a.score || a.order - b.order)

  const chosen: typeof scored = []

  for (const entry of scored) {
    if (chosen.length >= max) {
      break
    }

    if (chosen.every((kept) => similarity(kept.sentence, entry.sentence) < SAME)) {
      chosen.push(entry)
    }
  }

  return chosen.sort((a, b) => a.order - b.order).map((entry) => entry.sentence)
}
