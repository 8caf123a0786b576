import type { MoodAnalysis } from '@smartsteps/contracts'

import { emptyScores, type MoodScores, scoreEmotions, totalEvidenceOf } from './emotion-scores.js'
import { moodOf, withTopicHints } from './mood.js'
import { detectTopics, type Topic, type TopicMatch } from './topics.js'

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

  for (const text of texts) {
    addInto(scores, scoreEmotions(text))

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

function addInto(total: MoodScores, scores: MoodScores) {
  for (const mood of Object.keys(total) as (keyof MoodScores)[]) {
    total[mood] += scores[mood]
  }
}
