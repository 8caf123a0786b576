import type { MetricName, ProgressMetric } from '@smartsteps/contracts'

import type { SessionDigest } from './progress-insights.js'
import { intensityWords } from './summary-text.js'

type Metrics = Record<MetricName, ProgressMetric>

function intensitySentence(metric: ProgressMetric): string | null {
  const { trend, start_value: start, current_value: current } = metric

  if (start === null || current === null) {
    return null
  }

  if (trend === 'insufficient_data') {
    return `Negative emotion was ${intensityWords(current)} (${current} of 10).`
  }

  const movement = {
    improving: 'eased',
    worsening: 'rose',
    stable: 'stayed about the same',
  }[trend]

  return `Negative emotion ${movement}, from ${start} to ${current} of 10.`
}

function mainMood(digests: SessionDigest[]): string | null {
  const moods = digests.map((digest) => digest.mood).filter((mood) => mood !== 'neutral')
  const latest = moods.at(-1)

  return latest ? `The most recent session's mood was ${latest}.` : null
}

/** The report's paragraph: the period, how negative emotion moved, coping, engagement, risk. */
export function progressSummary(digests: SessionDigest[], metrics: Metrics): string {
  const total = digests.length

  if (total === 0) {
    return 'No sessions with a transcript fell in this period, so progress cannot be measured yet.'
  }

  const first = digests[0]!.date
  const last = digests.at(-1)!.date
  const period =
    total === 1
      ? `One session, on ${first}, was analysed.`
      : `${total} sessions from ${first} to ${last} were analysed.`
  const coping = metrics.coping_statement_rate
  const engagement = metrics.engagement
  const risky = digests.filter((digest) => digest.risk.length > 0).length

  const sentences = [
    period,
    intensitySentence(metrics.negative_emotion_intensity),
    mainMood(digests),
    coping.trend === 'improving' || coping.trend === 'worsening'
      ? `Coping statements became ${coping.trend === 'improving' ? 'more' : 'less'} frequent (${coping.start_value} to ${coping.current_value} per 10 messages).`
      : null,
    engagement.trend === 'improving' || engagement.trend === 'worsening'
      ? `The client wrote ${engagement.trend === 'improving' ? 'more' : 'less'} per message (${engagement.start_value} to ${engagement.current_value} words).`
      : null,
    risky > 0 ? `Risk was signalled in ${risky} session${risky === 1 ? '' : 's'}.` : null,
    total === 1 ? 'Trends need at least two sessions.' : null,
  ]

  return sentences.filter((sentence) => sentence !== null).join(' ')
}
