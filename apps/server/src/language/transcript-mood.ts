import type { MoodAnalysis } from '@smartsteps/contracts'

import { emptyScores, type MoodScores, scoreEmotions, totalEvidenceOf } from './emotion-scores.js'
import { moodOf, withTopicHints } from './mood.js'
import { detectTopics, type Topic, type TopicMatch } from './topics.js'

const EARLY_BONUS = 0.6

/** One message may speak for a topic this much at most, so a long list does not outweigh. */
const TOPIC_PER_TEXT = 1.5

/**
 * Clients often close on relief and thanks; the mood of a session is what they brought and
 * worked on, so positive evidence counts for somewhat less than negative evidence here.
 */
const JOY_WEIGHT = 0.6

/**
 * The mood of several messages read as one: the evidence of every message added up, with the
 * topics that run through them tipping the balance.
 *
 * @example moodOfTexts(['I lost my job', 'I keep worrying about rent']).primary // 'anxiety'
 */
export function moodOfTexts(texts: string[]): MoodAnalysis {
  const scores = emptyScores()
  const topics = new Map<Topic, number>()

  for (const [index, text] of texts.entries()) {
    addInto(scores, scoreEmotions(text), presentingWeight(index, texts.length))

    for (const { topic, score } of detectTopics(text)) {
      topics.set(topic, (topics.get(topic) ?? 0) + Math.min(TOPIC_PER_TEXT, score))
    }
  }

  scores.joy *= JOY_WEIGHT

  if (texts.every((text) => text.trim() === '')) {
    // Nothing was said: neutral by default, with no confidence behind it.
    return { primary: 'neutral', secondary: null, confidence: 0 }
  }

  const matches: TopicMatch[] = [...topics].map(([topic, score]) => ({ topic, score, cue: topic }))
  return moodOf(withTopicHints(scores, matches), totalEvidenceOf(scores))
}

/**
 * Clients tend to state what brought them early; later messages answer the listener's questions
 * and suggestions. Early messages therefore count for more: the first for 1 + EARLY_BONUS, the
 * last for 1, those between in proportion.
 */
function presentingWeight(index: number, count: number): number {
  return 1 + EARLY_BONUS * (1 - index / Math.max(1, count - 1))
}

function addInto(total: MoodScores, scores: MoodScores, weight: number) {
  for (const mood of Object.keys(total) as (keyof MoodScores)[]) {
    total[mood] += scores[mood] * weight
  }
}
