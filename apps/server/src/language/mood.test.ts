import { describe, expect, it } from 'vitest'

import { emptyScores } from './emotion-scores.js'
import { isNegativeMood, moodOf, withTopicHints } from './mood.js'

describe('moodOf', () => {
  it('names the strongest mood and a clear runner-up', () => {
    const scores = { ...emptyScores(), anxiety: 2, sadness: 1 }

    expect(moodOf(scores)).toEqual({ primary: 'anxiety', secondary: 'sadness', confidence: 0.67 })
  })

  it('leaves out a faint runner-up', () => {
    const scores = { ...emptyScores(), anger: 3, joy: 0.2 }

    expect(moodOf(scores).secondary).toBeNull()
  })

  it('is neutral without enough evidence', () => {
    expect(moodOf(emptyScores())).toEqual({ primary: 'neutral', secondary: null, confidence: 0.9 })
    expect(moodOf({ ...emptyScores(), joy: 0.1 }).primary).toBe('neutral')
  })

  it('keeps confidence within 0..1', () => {
    const { confidence } = moodOf({ ...emptyScores(), fear: 5 })

    expect(confidence).toBe(1)
  })
})

describe('withTopicHints', () => {
  it('tips a tie towards the mood the topic usually brings', () => {
    const scores = { ...emptyScores(), sadness: 1, anxiety: 1 }
    const hinted = withTopicHints(scores, [{ topic: 'work', score: 1, cue: 'job' }])

    expect(moodOf(hinted).primary).toBe('anxiety')
  })

  it('does not change the scores it was given', () => {
    const scores = emptyScores()
    withTopicHints(scores, [{ topic: 'grief', score: 2, cue: 'funeral' }])

    expect(scores.sadness).toBe(0)
  })
})

describe('isNegativeMood', () => {
  it('is false for joy and neutral', () => {
    expect(isNegativeMood('shame')).toBe(true)
    expect(isNegativeMood('joy')).toBe(false)
    expect(isNegativeMood('neutral')).toBe(false)
  })
})
