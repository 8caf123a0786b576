import { describe, expect, it } from 'vitest'

import { readClientMessages } from './client-readings.js'
import { sessionMetrics } from './session-metrics.js'
import { transcript } from './test-support.js'

describe('sessionMetrics', () => {
  it('measures the four metrics from the client messages', () => {
    const metrics = sessionMetrics(
      readClientMessages(
        transcript([
          'I am so sad',
          'I am happy today',
          'ok',
          'I will try to go for a walk tomorrow',
        ]),
      ),
    )

    expect(metrics.negative_emotion_intensity).toBeGreaterThan(0)
    expect(metrics.positive_emotion_ratio).toBe(50)
    expect(metrics.coping_statement_rate).toBe(2.5)
    expect(metrics.engagement).toBe(4.5)
  })

  it('caps engagement at 100 words per message', () => {
    const metrics = sessionMetrics(readClientMessages(transcript(['word '.repeat(500)])))

    expect(metrics.engagement).toBe(100)
  })

  it('leaves unmeasurable metrics null', () => {
    expect(sessionMetrics([])).toEqual({
      negative_emotion_intensity: null,
      positive_emotion_ratio: null,
      coping_statement_rate: null,
      engagement: null,
    })
    expect(sessionMetrics(readClientMessages(transcript(['ok']))).positive_emotion_ratio).toBeNull()
  })
})
