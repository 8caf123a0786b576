import { describe, expect, it } from 'vitest'

import { emphasisFactor, intensityFactor } from './intensifiers.js'
import { tokenise } from './tokenise.js'

describe('intensityFactor', () => {
  it('strengthens after "very" and softens after "a bit"', () => {
    const strong = tokenise('I am very sad')
    const soft = tokenise('I am a bit sad')

    expect(intensityFactor(strong, 3)).toBeGreaterThan(1)
    expect(intensityFactor(soft, 4)).toBeLessThan(1)
  })

  it('does not reach across a comma', () => {
    expect(intensityFactor(tokenise('very, sad'), 2)).toBe(1)
  })

  it('is clamped however many modifiers pile up', () => {
    const tokens = tokenise('extremely extremely extremely sad')

    expect(intensityFactor(tokens, 3)).toBe(2.5)
  })
})

describe('emphasisFactor', () => {
  it('grows with exclamation marks, up to three', () => {
    expect(emphasisFactor('no')).toBe(1)
    expect(emphasisFactor('no!')).toBeCloseTo(1.1)
    expect(emphasisFactor('no!!!!!!')).toBeCloseTo(1.3)
  })
})
