import type { Mood, RiskCategory } from '@smartsteps/contracts'

import { isCopingStatement } from './coping.js'
import {
  intensityOf,
  type MoodScores,
  negativeEvidence,
  scoreEmotions,
  totalEvidenceOf,
} from './emotion-scores.js'
import { moodOf, withTopicHints } from './mood.js'
import { detectRisk } from './risk.js'
import { words } from './tokenise.js'
import { detectTopics, type TopicMatch } from './topics.js'

/** How much a risk signal adds to the mood it stands for: as much as a strong emotion word. */
const RISK_EVIDENCE = 1.5

/** Everything the engine and the analysis read in one client message. */
export interface TextReading {
  /** Evidence per mood from the words alone. */
  scores: MoodScores
  mood: Mood
  secondary: Mood | null
  confidence: number
  /** Intensity of the primary mood, 0..10. */
  intensity: number
  /** Intensity of all negative emotion, 0..10. */
  negativeIntensity: number
  valence: 'positive' | 'negative' | 'none'
  topics: TopicMatch[]
  risk: RiskCategory[]
  coping: boolean
  wordCount: number
  asksQuestion: boolean
}

/**
 * Reads one message: its mood (the words' evidence, tipped by its topics), intensity, topics,
 * risk and whether it states coping.
 *
 * @example readText('I am so anxious about my exams').mood // 'anxiety'
 */
export function readText(text: string): TextReading {
  const risk = detectRisk(text)
  const scores = withRiskEvidence(scoreEmotions(text), risk)
  const topics = detectTopics(text)
  const evidence = totalEvidenceOf(scores)
  const { primary, secondary, confidence } = moodOf(withTopicHints(scores, topics), evidence)
  const negative = negativeEvidence(scores)

  return {
    scores,
    mood: primary,
    secondary,
    confidence,
    intensity: primary === 'neutral' ? 0 : intensityOf(scores[primary]),
    negativeIntensity: intensityOf(negative),
    valence: valenceOf(primary),
    topics,
    risk,
    coping: isCopingStatement(text),
    wordCount: words(text).length,
    asksQuestion:
      /\?\s*$/.test(text.trim()) ||
      /^(how|what|why|should|can|could|do|is|any)\b/i.test(text.trim()),
  }
}

/**
 * A wish to die is despair and a threat to hurt someone is anger, whatever words carried them
 * ("I don't want to be here anymore" has no emotion word).
 */
function withRiskEvidence(scores: MoodScores, risk: RiskCategory[]): MoodScores {
  const next = { ...scores }

  if (risk.includes('self_harm')) {
    next.depression += RISK_EVIDENCE
  }

  if (risk.includes('harm_to_others')) {
    next.anger += RISK_EVIDENCE
  }

  return next
}

function valenceOf(mood: Mood): TextReading['valence'] {
  if (mood === 'neutral') {
    return 'none'
  }

  return mood === 'joy' ? 'positive' : 'negative'
}
