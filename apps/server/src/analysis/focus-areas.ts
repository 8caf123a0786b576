import type { Mood, PersonaFile } from '@smartsteps/contracts'

import { type MoodScores, rankTechniques, type Topic } from '../language/index.js'
import type { TopicCount } from './topics-raised.js'

/** At most this many techniques are recommended. */
const MAX_FOCUS_AREAS = 3

/** A technique is recommended when it fits at least this share of the best fit. */
const SHARE_OF_BEST = 0.5

/**
 * The persona's techniques that fit what the client raised: the moods in their words and the
 * topics they talked about, each weighted by how present it was.
 */
export function recommendFocusAreas(
  persona: PersonaFile,
  moodScores: MoodScores,
  topics: TopicCount[],
): string[] {
  const totalMood = Object.values(moodScores).reduce((sum, value) => sum + value, 0)
  const totalTopic = topics.reduce((sum, topic) => sum + topic.weight, 0)

  if (totalMood === 0 && totalTopic === 0) {
    return []
  }

  const moods: Partial<Record<Mood, number>> = {}

  for (const [mood, score] of Object.entries(moodScores) as [Mood, number][]) {
    moods[mood] = totalMood > 0 ? score / totalMood : 0
  }

  const topicWeights: Partial<Record<Topic, number>> = {}

  for (const { topic, weight } of topics) {
    topicWeights[topic] = weight / totalTopic
  }

  const ranked = rankTechniques(persona.techniques, moods, topicWeights)
  const best = ranked[0]?.fit ?? 0

  return ranked
    .filter((entry, index) => index === 0 || entry.fit >= best * SHARE_OF_BEST)
    .slice(0, MAX_FOCUS_AREAS)
    .map((entry) => entry.technique)
}
