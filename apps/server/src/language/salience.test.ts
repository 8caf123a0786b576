import { describe, expect, it } from 'vitest'

import { clip, salientSentences, sentenceSalience } from './salience.js'

describe('sentenceSalience', () => {
  it('scores feelings and topics above small talk', () => {
    expect(sentenceSalience('hi how are you')).toBe(0)
    expect(sentenceSalience('I am terrified I will lose my job next week')).toBeGreaterThan(2)
  })
})

describe('salientSentences', () => {
  const transcript = [
    'hi',
    'how are you?',
    'My girlfriend left me last month and I cannot stop crying.',
    'My girlfriend left me a month ago and I cannot stop crying!',
    'I also worry about paying the rent on my own.',
    'ok',
    'I will try going for a walk with my brother tomorrow.',
  ]

  it('keeps what matters, drops small talk and near repeats, in order', () => {
    const points = salientSentences(transcript, 5)

    expect(points).toHaveLength(3)
    expect(points[0]).toMatch(/^My girlfriend left me/)
    expect(points.slice(1)).toEqual([
      'I also worry about paying the rent on my own.',
      'I will try going for a walk with my brother tomorrow.',
    ])
  })

  it('respects the maximum', () => {
    expect(salientSentences(transcript, 1)).toHaveLength(1)
  })

  it('returns nothing for an empty transcript', () => {
    expect(salientSentences([], 5)).toEqual([])
  })
})

describe('clip', () => {
  it('cuts long text at a word and marks the cut', () => {
    const clipped = clip('word '.repeat(100), 30)

    expect(clipped.length).toBeLessThanOrEqual(31)
    expect(clipped.endsWith('word…')).toBe(true)
  })
})
