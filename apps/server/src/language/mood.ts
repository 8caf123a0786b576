import type { Mood, MoodAnalysis } from '@smartsteps/contracts'

import {
  type EmotionMood,
  type MoodScores,
  NEGATIVE_MOODS,
  totalEvidenceOf,
} from './emotion-scores.js'
import type { Topic, TopicMatch } from './topics.js'

/**
 * The moods a topic usually comes with, per unit of topic evidence: losing a job tends to mean
 * worry, a breakup sadness. They only tip the balance between moods the words already show.
 */
const TOPIC_MOODS: Record<Topic, Partial<MoodScores>> = {
  work: { anxiety: 0.35, fear: 0.1 },
  relationship: { sadness: 0.3, depression: 0.15 },
  family: { sadness: 0.15, anger: 0.1 },
  friends: { anger: 0.15, sadness: 0.15 },
  school: { anxiety: 0.35 },
  money: { anxiety: 0.3 },
  health: { anxiety: 0.2, fear: 0.1 },
  pandemic: { depression: 0.3, anxiety: 0.1 },
  sleep: { anxiety: 0.15, depression: 0.15 },
  grief: { sadness: 0.5 },
  self_esteem: { shame: 0.25, depression: 0.2 },
  loneliness: { depression: 0.3, sadness: 0.2 },
  substance_use: { shame: 0.1, anxiety: 0.1 },
}

/** One topic's say is capped, so a text listing ten family members is not ten times sad. */
const TOPIC_CAP = 2

/** Below this much emotional evidence a text reads as neutral. */
export const NEUTRAL_BELOW = 0.3

/** A second mood is named only when it has at least this share of the first one's evidence. */
const SECONDARY_SHARE = 0.3

/** Adds what the topics suggest to the evidence of the words. */
export function withTopicHints(scores: MoodScores, topics: TopicMatch[]): MoodScores {
  const hinted = { ...scores }

  for (const { topic, score } of topics) {
    for (const [mood, weight] of Object.entries(TOPIC_MOODS[topic]) as [EmotionMood, number][]) {
      hinted[mood] += weight * Math.min(TOPIC_CAP, score)
    }
  }

  return hinted
}

export function isNegativeMood(mood: Mood): boolean {
  return (NEGATIVE_MOODS as readonly Mood[]).includes(mood)
}

/**
 * The primary and secondary mood of the evidence. `evidence` is the word evidence alone: with
 * too little of it the mood is neutral, however strongly the topics hint.
 */
export function moodOf(scores: MoodScores, evidence = totalEvidenceOf(scores)): MoodAnalysis {
  const ranked = (Object.entries(scores) as [EmotionMood, number][])
    .filter(([, score]) => score > 0)
    .sort((a, b) => b[1] - a[1])
  const [first, second] = ranked

  if (!first || evidence < NEUTRAL_BELOW) {
    return { primary: 'neutral', secondary: null, confidence: neutralConfidence(evidence) }
  }

  const total = totalEvidenceOf(scores)
  const secondary = second && second[1] >= first[1] * SECONDARY_SHARE ? second[0] : null

  return { primary: first[0], secondary, confidence: round(first[1] / total) }
}

/** How clearly a text without emotion words is neutral: less sure as some evidence shows. */
function neutralConfidence(evidence: number): number {
  return round(0.9 - 0.5 * Math.min(1, evidence / NEUTRAL_BELOW))
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
