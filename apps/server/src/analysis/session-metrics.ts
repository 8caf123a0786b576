import type { MetricName } from '@smartsteps/contracts'

import type { ClientReading } from './client-readings.js'
import { mean, round1 } from './session-facts.js'

export type MetricValues = Record<MetricName, number | null>

/** Words per message above this count as this much: a long essay is not more engagement. */
const ENGAGEMENT_CAP = 100

/** Coping statements per 10 messages are capped at 10, the scale of the metric. */
const COPING_CAP = 10

/**
 * The four progress metrics of one session, from its client messages, as described in
 * METRIC_DESCRIPTIONS. A metric is null when the session gives nothing to measure: no client
 * message, or for the positive ratio no emotionally coloured message.
 */
export function sessionMetrics(readings: ClientReading[]): MetricValues {
  if (readings.length === 0) {
    return {
      negative_emotion_intensity: null,
      positive_emotion_ratio: null,
      coping_statement_rate: null,
      engagement: null,
    }
  }

  const coloured = readings.filter(({ reading }) => reading.valence !== 'none')
  const positive = coloured.filter(({ reading }) => reading.valence === 'positive').length
  const coping = readings.filter(({ reading }) => reading.coping).length

  return {
    negative_emotion_intensity: round1(
      mean(readings.map(({ reading }) => reading.negativeIntensity)),
    ),
    positive_emotion_ratio: coloured.length > 0 ? round1((100 * positive) / coloured.length) : null,
    coping_statement_rate: round1(Math.min(COPING_CAP, (10 * coping) / readings.length)),
    engagement: round1(
      Math.min(ENGAGEMENT_CAP, mean(readings.map(({ reading }) => reading.wordCount))),
    ),
  }
}
