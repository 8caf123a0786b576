import { describe, expect, it } from 'vitest'

import { EMOTION_LEXICON } from './emotion-lexicon.js'
import { intensityOf, negativeEvidence, scoreEmotions } from './emotion-scores.js'

function strongest(text: string): string {
  const scores = scoreEmotions(text)
  return Object.entries(scores).sort((a, b) => b[1] - a[1])[0]![0]
}

describe('scoreEmotions', () => {
  it.each([
    ["I can't get out of bed and nothing matters", 'depression'],
    ['I miss her so much and I cry every night', 'sadness'],
    ['I am so worried about my exams', 'anxiety'],
    ['I am scared I will lose my job', 'fear'],
    ['I am furious with my brother', 'anger'],
    ['What he did is disgusting', 'disgust'],
    ["I'm so ashamed, it was my fault", 'shame'],
    ['I feel so much better and really happy today', 'joy'],
  ])('reads "%s" as %s', (text, mood) => {
    expect(strongest(text)).toBe(mood)
  })

  it('counts a negated negative word for nothing', () => {
    expect(negativeEvidence(scoreEmotions('I am not worried at all'))).toBe(0)
  })

  it('counts a negated positive word as sadness', () => {
    const scores = scoreEmotions('I am not happy')

    expect(scores.joy).toBe(0)
    expect(scores.sadness).toBeGreaterThan(0)
  })

  it('lets a phrase win over its words', () => {
    const scores = scoreEmotions('I hate myself')

    expect(scores.shame).toBeGreaterThan(0)
    expect(scores.anger).toBe(0)
  })

  it('weighs intensifiers', () => {
    expect(scoreEmotions('I am extremely anxious').anxiety).toBeGreaterThan(
      scoreEmotions('I am a bit anxious').anxiety,
    )
  })

  it('finds nothing in plain statements or other languages', () => {
    expect(negativeEvidence(scoreEmotions('The meeting is at three on Tuesday'))).toBe(0)
    expect(negativeEvidence(scoreEmotions('Je suis à la maison'))).toBe(0)
  })
})

describe('intensityOf', () => {
  it('maps evidence to 0..10, saturating', () => {
    expect(intensityOf(0)).toBe(0)
    expect(intensityOf(1.2)).toBeGreaterThan(4)
    expect(intensityOf(1.2)).toBeLessThan(6)
    expect(intensityOf(100)).toBe(10)
  })
})

describe('EMOTION_LEXICON', () => {
  it('holds lower-case keys with weights between 0 and 2', () => {
    for (const entries of Object.values(EMOTION_LEXICON)) {
      for (const [key, weight] of Object.entries(entries)) {
        expect(key).toBe(key.toLowerCase())
        expect(weight).toBeGreaterThanOrEqual(0)
        expect(weight).toBeLessThanOrEqual(2)
      }
    }
  })
})
