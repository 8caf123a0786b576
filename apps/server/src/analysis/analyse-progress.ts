import type { Message, MetricName, ProgressReport } from '@smartsteps/contracts'

import { contentWords, detectTopics } from '../language/index.js'
import { metricTrend } from './metric-trend.js'
import {
  progressPatterns,
  progressRecommendations,
  type SessionDigest,
} from './progress-insights.js'
import { progressSummary } from './progress-summary.js'
import { gatherFacts, type SessionFacts } from './session-facts.js'
import { type MetricValues, sessionMetrics } from './session-metrics.js'

export interface ProgressSession {
  session_id: string
  /** When the session took place (started, or else scheduled); sessions are ordered by it. */
  scheduled_at: string
  ended_at: string | null
  messages: Message[]
}

export interface ProgressInput {
  sessions: ProgressSession[]
  /** What the facilitator wants followed, in their words ("sleep", "work stress"). */
  focusAreas: string[]
}

/** The report without client_id and report_period, which the HTTP layer adds. */
export type ProgressAnalysis = Omit<ProgressReport, 'client_id' | 'report_period'>

const METRIC_NAMES: MetricName[] = [
  'negative_emotion_intensity',
  'positive_emotion_ratio',
  'coping_statement_rate',
  'engagement',
]

/** Whether the client's words touch a focus area: one of its words, or its topic. */
function touches(area: string, text: string, topics: Set<string>): boolean {
  const areaTopics = detectTopics(area).map((match) => match.topic)

  if (areaTopics.some((topic) => topics.has(topic))) {
    return true
  }

  const said = contentWords(text)
  return [...contentWords(area)].some((word) => word.length >= 4 && said.has(word))
}

function digestOf(
  session: ProgressSession,
  facts: SessionFacts,
  focusAreas: string[],
): SessionDigest {
  const text = facts.readings.map(({ message }) => message.content).join(' ')
  const topics = facts.topics.map((count) => count.topic)
  const topicSet = new Set<string>(topics)

  return {
    session_id: session.session_id,
    date: session.scheduled_at.slice(0, 10),
    mood: facts.mood.primary,
    topics,
    risk: facts.risk,
    clientMessages: facts.readings.length,
    focusTouched: focusAreas.filter((area) => touches(area, text, topicSet)),
  }
}

/**
 * How a client is doing across sessions, from the transcripts alone: the four metrics of
 * METRIC_DESCRIPTIONS with their trends, patterns, recommendations and a summary paragraph.
 *
 * @example
 * const report = analyseProgress({ sessions, focusAreas: ['sleep'] })
 * report.metrics.negative_emotion_intensity.trend // 'improving'
 */
export function analyseProgress({ sessions, focusAreas }: ProgressInput): ProgressAnalysis {
  const ordered = [...sessions].sort((a, b) => a.scheduled_at.localeCompare(b.scheduled_at))
  const facts = ordered.map((session) => gatherFacts(session.messages, []))
  const perSession: MetricValues[] = facts.map((session) => sessionMetrics(session.readings))
  const digests = ordered.map((session, index) => digestOf(session, facts[index]!, focusAreas))

  const metrics = Object.fromEntries(
    METRIC_NAMES.map((name) => [
      name,
      metricTrend(
        name,
        perSession.map((values) => values[name]),
      ),
    ]),
  ) as ProgressAnalysis['metrics']

  return {
    sessions_analyzed: ordered.length,
    progress_summary: progressSummary(digests, metrics),
    metrics,
    patterns: progressPatterns(digests, metrics, focusAreas),
    recommendations: progressRecommendations(digests, metrics, focusAreas),
  }
}
