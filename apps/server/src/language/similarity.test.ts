import { describe, expect, it } from 'vitest'

import { similarity } from './similarity.js'

describe('similarity', () => {
  it('is 1 for the same content and 0 for nothing shared', () => {
    expect(similarity('I lost my job', 'i LOST my JOB!')).toBe(1)
    expect(similarity('I lost my job', 'the weather is nice')).toBe(0)
  })

  it('ignores filler words', () => {
    expect(similarity('I am really sad', 'sad')).toBe(1)
  })

  it('is between for partial overlap', () => {
    const value = similarity('my boss yells at me', 'my boss ignores me')

    expect(value).toBeGreaterThan(0)
    expect(value).toBeLessThan(1)
  })
})
