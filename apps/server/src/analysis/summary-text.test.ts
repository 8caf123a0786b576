import { describe, expect, it } from 'vitest'

import { intensityWords } from './summary-text.js'
import { listOf } from './topic-labels.js'

describe('intensityWords', () => {
  it('names the bands of 0..10', () => {
    expect(intensityWords(0)).toBe('low')
    expect(intensityWords(3)).toBe('moderate')
    expect(intensityWords(5)).toBe('high')
    expect(intensityWords(9)).toBe('very high')
  })
})

describe('listOf', () => {
  it('joins with commas and "and"', () => {
    expect(listOf([])).toBe('')
    expect(listOf(['work'])).toBe('work')
    expect(listOf(['work', 'money'])).toBe('work and money')
    expect(listOf(['work', 'money', 'sleep'])).toBe('work, money and sleep')
  })
})
