import { describe, expect, it } from 'vitest'

import { voicesDespair } from './despair.js'

describe('voicesDespair', () => {
  it.each([
    "I can't do this anymore.",
    'I cannot take it any more',
    'I can\u2019t cope anymore',
    'honestly I give up on everything',
    "what's the point anymore",
  ])('hears the end of the rope in "%s"', (text) => {
    expect(voicesDespair(text)).toBe(true)
  })

  it.each([
    "I can't do this puzzle",
    'I can do this',
    "I can't take the bus anymore since they cut the route",
    'I gave up sugar',
  ])('hears none in "%s"', (text) => {
    expect(voicesDespair(text)).toBe(false)
  })
})
