import type { Mood, MetricName, ProgressMetric, RiskCategory } from '@smartsteps/contracts'

import type { Topic } from '../language/index.js'
import { listOf, TOPIC_LABELS } from './topic-labels.js'

/** What one session contributed to the progress report. */
export interface SessionDigest {
  session_id: string
  date: string
  mood: Mood
  topics: Topic[]
  risk: RiskCategory[]
  clientMessages: number
  /** Focus areas the client's words touched in this session. */
  focusTouched: string[]
}

export interface Pattern {
  description: string
  confidence: number
}

type Metrics = Record<MetricName, ProgressMetric>

/** A theme counts as recurring when it shows in at least this share of sessions (and two). */
const RECURRING_SHARE = 0.5

function share(count: number, total: number): number {
  return Math.round(Math.min(0.95, count / total) * 100) / 100
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function counted<T>(items: T[]): [T, number][] {
  const counts = new Map<T, number>()
  items.forEach((item) => counts.set(item, (counts.get(item) ?? 0) + 1))
  return [...counts].sort((a, b) => b[1] - a[1])
}

/** How sure a trend across `sessions` sessions can be. */
function trendConfidence(sessions: number): number {
  return Math.round(Math.min(0.9, 0.35 + 0.1 * sessions) * 100) / 100
}

const TREND_TEXT: Partial<Record<MetricName, Record<'improving' | 'worsening', string>>> = {
  negative_emotion_intensity: {
    improving: 'Negative emotion has eased across sessions',
    worsening: 'Negative emotion has grown across sessions',
  },
  coping_statement_rate: {
    improving: 'The client names coping steps and plans more often',
    worsening: 'The client names coping steps and plans less often',
  },
  engagement: {
    improving: 'The client writes more per message, opening up more',
    worsening: 'The client writes less per message than before',
  },
  positive_emotion_ratio: {
    improving: 'Positive emotion makes up a growing share of what the client expresses',
    worsening: 'Positive emotion makes up a shrinking share of what the client expresses',
  },
}

/** Recurring moods and topics, metric trends, risk and focus areas, with how sure each is. */
export function progressPatterns(
  digests: SessionDigest[],
  metrics: Metrics,
  focusAreas: string[],
): Pattern[] {
  const total = digests.length
  const patterns: Pattern[] = []

  if (total === 0) {
    return patterns
  }

  const [topMood] = counted(
    digests.map((digest) => digest.mood).filter((mood) => mood !== 'neutral'),
  )

  if (topMood && topMood[1] >= 2 && topMood[1] / total >= RECURRING_SHARE) {
    patterns.push({
      description: `${capitalise(topMood[0])} is the main mood in ${topMood[1]} of ${total} sessions.`,
      confidence: share(topMood[1], total),
    })
  }

  for (const [topic, count] of counted(digests.flatMap((digest) => digest.topics)).slice(0, 3)) {
    if (count >= 2 && count / total >= RECURRING_SHARE) {
      patterns.push({
        description: `${capitalise(TOPIC_LABELS[topic])} comes up in ${count} of ${total} sessions.`,
        confidence: share(count, total),
      })
    }
  }

  for (const [name, texts] of Object.entries(TREND_TEXT) as [
    MetricName,
    Record<string, string>,
  ][]) {
    const metric = metrics[name]

    if (metric.trend === 'improving' || metric.trend === 'worsening') {
      patterns.push({
        description: `${texts[metric.trend]} (from ${metric.start_value} to ${metric.current_value}).`,
        confidence: trendConfidence(total),
      })
    }
  }

  const risky = digests.filter((digest) => digest.risk.length > 0)

  if (risky.length > 0) {
    const categories = [...new Set(risky.flatMap((digest) => digest.risk))].sort()
    patterns.push({
      description: `Risk (${categories.join(', ')}) was signalled in ${risky.length} of ${total} sessions, most recently on ${risky.at(-1)!.date}.`,
      confidence: 0.9,
    })
  }

  for (const area of focusAreas) {
    const touched = digests.filter((digest) => digest.focusTouched.includes(area)).length
    patterns.push({
      description:
        touched > 0
          ? `The focus area "${area}" came up in ${touched} of ${total} sessions.`
          : `The focus area "${area}" did not come up in the client's words.`,
      confidence: touched > 0 ? share(touched, total) : 0.6,
    })
  }

  return patterns
}

/** What the facilitator might do next, drawn from the same evidence as the patterns. */
export function progressRecommendations(
  digests: SessionDigest[],
  metrics: Metrics,
  focusAreas: string[],
): string[] {
  const recommendations: string[] = []
  const total = digests.length

  if (digests.some((digest) => digest.risk.length > 0)) {
    recommendations.push(
      'Review the messages flagged for risk and agree a safety plan with the client.',
    )
  }

  const intensity = metrics.negative_emotion_intensity

  if (intensity.trend === 'worsening') {
    recommendations.push(
      'Negative emotion is rising: explore what has changed recently and consider more frequent check-ins.',
    )
  } else if (intensity.trend === 'improving') {
    recommendations.push(
      'Negative emotion is easing: ask the client what they think has helped, and keep building on it.',
    )
  }

  const coping = metrics.coping_statement_rate

  if (coping.current_value !== null && coping.current_value < 1) {
    recommendations.push(
      'The client rarely names coping steps: close each session by agreeing one small, concrete step.',
    )
  } else if (coping.trend === 'improving') {
    recommendations.push(
      'The client names more coping steps: open sessions by reviewing how those steps went.',
    )
  }

  if (metrics.engagement.trend === 'worsening') {
    recommendations.push(
      'The client writes less than before: open questions and reflections may help them open up again.',
    )
  }

  const positive = metrics.positive_emotion_ratio

  if (positive.current_value !== null && positive.current_value < 20) {
    recommendations.push(
      'Positive moments are rare in the transcripts: notice and name small wins together.',
    )
  }

  const untouched = focusAreas.filter(
    (area) => !digests.some((digest) => digest.focusTouched.includes(area)),
  )

  if (untouched.length > 0) {
    recommendations.push(
      `Bring ${listOf(untouched.map((area) => `"${area}"`))} into the next session; it has not come up in the client's words yet.`,
    )
  }

  const [recurring] = counted(digests.flatMap((digest) => digest.topics))

  if (recurring && recurring[1] >= 2 && recurring[1] / total >= RECURRING_SHARE) {
    recommendations.push(
      `${capitalise(TOPIC_LABELS[recurring[0]])} keeps coming up: consider making it an explicit goal.`,
    )
  }

  if (total < 2) {
    recommendations.push('Hold at least one more session before reading trends from these metrics.')
  }

  if (recommendations.length === 0) {
    recommendations.push(
      'Progress is steady: keep the current focus and review these metrics again after a few sessions.',
    )
  }

  return recommendations
}
