import type { MetricName, ProgressMetric } from '@smartsteps/contracts'

import { round1 } from './session-facts.js'

/** Which way is better, and how big a change over the period counts as a change at all. */
const METRIC_RULES: Record<MetricName, { lowerIsBetter: boolean; stableWithin: number }> = {
  negative_emotion_intensity: { lowerIsBetter: true, stableWithin: 0.5 },
  positive_emotion_ratio: { lowerIsBetter: false, stableWithin: 5 },
  coping_statement_rate: { lowerIsBetter: false, stableWithin: 0.5 },
  engagement: { lowerIsBetter: false, stableWithin: 2 },
}

/** The least-squares slope of values over their positions 0, 1, 2... */
function slope(values: number[]): number {
  const n = values.length
  const meanX = (n - 1) / 2
  const meanY = values.reduce((sum, value) => sum + value, 0) / n
  let numerator = 0
  let denominator = 0

  for (let index = 0; index < n; index++) {
    numerator += (index - meanX) * (values[index]! - meanY)
    denominator += (index - meanX) ** 2
  }

  return denominator === 0 ? 0 : numerator / denominator
}

/**
 * One metric across sessions, first to last. The trend follows the fitted line over all
 * sessions, so one unusual session in the middle does not flip it; it is insufficient_data with
 * fewer than two measured sessions.
 */
export function metricTrend(name: MetricName, series: (number | null)[]): ProgressMetric {
  const values = series.filter((value): value is number => value !== null)
  const start = values[0] ?? null
  const current = values.at(-1) ?? null
  const change =
    start === null || current === null || start === 0
      ? null
      : round1((100 * (current - start)) / start)

  if (values.length < 2) {
    return {
      trend: 'insufficient_data',
      start_value: start,
      current_value: current,
      change_percentage: change,
    }
  }

  const { lowerIsBetter, stableWithin } = METRIC_RULES[name]
  const fitted = slope(values) * (values.length - 1)
  let trend: ProgressMetric['trend'] = 'stable'

  if (Math.abs(fitted) >= stableWithin) {
    trend = fitted < 0 === lowerIsBetter ? 'improving' : 'worsening'
  }

  return { trend, start_value: start, current_value: current, change_percentage: change }
}
