import { describe, expect, it } from 'vitest'

import { swapPronouns } from './pronouns.js'

describe('swapPronouns', () => {
  it('turns first person into second', () => {
    expect(swapPronouns('I feel like my boss hates me')).toBe('you feel like your boss hates you')
  })

  it('fixes the verb after "I"', () => {
    expect(swapPronouns('I am tired and I was alone')).toBe('you are tired and you were alone')
  })

  it('handles contractions, curly or straight', () => {
    expect(swapPronouns("I'm scared and I’ve no one")).toBe("you're scared and you've no one")
  })

  it('turns "you" into "I" as a subject and "me" as an object', () => {
    expect(swapPronouns('you never listen')).toBe('I never listen')
    expect(swapPronouns('I told you everything')).toBe('you told me everything')
    expect(swapPronouns("you're right about your idea")).toBe("I'm right about my idea")
  })

  it('keeps a capital at the start of a sentence', () => {
    expect(swapPronouns('My sister left')).toBe('Your sister left')
  })

  it('leaves other words and punctuation alone', () => {
    expect(swapPronouns('Mist, this is — 我很累!')).toBe('Mist, this is — 我很累!')
  })
})
