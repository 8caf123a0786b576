import { describe, expect, it } from 'vitest'

import { metricTrend } from './metric-trend.js'

describe('metricTrend', () => {
  it('reads falling intensity as improving and rising as worsening', () => {
    expect(metricTrend('negative_emotion_intensity', [6, 4, 2])).toEqual({
      trend: 'improving',
      start_value: 6,
      current_value: 2,
      change_percentage: -66.7,
    })
    expect(metricTrend('negative_emotion_intensity', [2, 4, 6]).trend).toBe('worsening')
  })

  it('reads rising coping, engagement and positive share as improving', () => {
    expect(metricTrend('coping_statement_rate', [1, 2, 3]).trend).toBe('improving')
    expect(metricTrend('engagement', [10, 20]).trend).toBe('improving')
    expect(metricTrend('positive_emotion_ratio', [50, 20]).trend).toBe('worsening')
  })

  it('calls small changes stable', () => {
    expect(metricTrend('negative_emotion_intensity', [4, 4.2, 3.9]).trend).toBe('stable')
    expect(metricTrend('engagement', [20, 21]).trend).toBe('stable')
  })

  it('follows the whole series, not only its ends', () => {
    // The ends alone (6 to 6.6) would read as worse; the sessions between say otherwise.
    expect(metricTrend('negative_emotion_intensity', [6, 3, 2, 2, 6.6]).trend).toBe('stable')
  })

  it('skips sessions without a value', () => {
    expect(metricTrend('positive_emotion_ratio', [null, 20, null, 60])).toMatchObject({
      trend: 'improving',
      start_value: 20,
      current_value: 60,
    })
  })

  it('has no change percentage from a start of zero', () => {
    expect(metricTrend('coping_statement_rate', [0, 5]).change_percentage).toBeNull()
  })

  it('needs two measured sessions', () => {
    expect(metricTrend('engagement', [12])).toEqual({
      trend: 'insufficient_data',
      start_value: 12,
      current_value: 12,
      change_percentage: 0,
    })
    expect(metricTrend('engagement', [null, null]).trend).toBe('insufficient_data')
  })
})
