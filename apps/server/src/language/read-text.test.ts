import { describe, expect, it } from 'vitest'

import { readText } from './read-text.js'

describe('readText', () => {
  it('reads mood, intensity and topic together', () => {
    const reading = readText('I am so anxious about my exams next week')

    expect(reading).toMatchObject({ mood: 'anxiety', valence: 'negative', risk: [], coping: false })
    expect(reading.intensity).toBeGreaterThan(5)
    expect(reading.topics[0]).toMatchObject({ topic: 'school', cue: 'exams' })
  })

  it('reads risk as the mood it stands for, even without emotion words', () => {
    expect(readText("I don't want to be here anymore")).toMatchObject({
      mood: 'depression',
      risk: ['self_harm'],
    })
    expect(readText("I'm going to hurt him")).toMatchObject({
      mood: 'anger',
      risk: ['harm_to_others'],
    })
  })

  it('reads a plain statement as neutral with no intensity', () => {
    expect(readText('The appointment is on Monday')).toMatchObject({
      mood: 'neutral',
      intensity: 0,
      negativeIntensity: 0,
      valence: 'none',
    })
  })

  it('notices questions and coping', () => {
    expect(readText('What should I do?').asksQuestion).toBe(true)
    expect(readText('I will try to go for a run').coping).toBe(true)
  })

  it('copes with odd input', () => {
    for (const text of ['', '   ', '🙂', '???', 'a'.repeat(8000), 'Я очень устал', '我很难过']) {
      expect(() => readText(text)).not.toThrow()
    }
  })
})
