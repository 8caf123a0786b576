import { describe, expect, it } from 'vitest'

import { moodOfTexts } from './transcript-mood.js'

describe('moodOfTexts', () => {
  it('adds the evidence of every message', () => {
    const mood = moodOfTexts([
      'hi',
      'I lost my job last month',
      'I keep worrying about how to pay rent',
      'I am so stressed I cannot sleep',
    ])

    expect(mood.primary).toBe('anxiety')
    expect(mood.confidence).toBeGreaterThan(0.3)
  })

  it('tells depression from sadness', () => {
    expect(
      moodOfTexts(['I feel empty and hopeless', "I can't get out of bed, nothing matters"]).primary,
    ).toBe('depression')
    expect(moodOfTexts(['My dog died yesterday', 'I miss him and I keep crying']).primary).toBe(
      'sadness',
    )
  })

  it('lets closing thanks not outweigh what the client brought', () => {
    const mood = moodOfTexts([
      'I am really angry at my sister, she lied to me again',
      'thank you, that is good advice, have a great day',
    ])

    expect(mood.primary).toBe('anger')
  })

  it('is neutral, with no confidence, for an empty transcript', () => {
    expect(moodOfTexts([])).toEqual({ primary: 'neutral', secondary: null, confidence: 0 })
    expect(moodOfTexts(['', '  '])).toEqual({ primary: 'neutral', secondary: null, confidence: 0 })
  })
})
