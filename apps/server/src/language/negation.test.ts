import { describe, expect, it } from 'vitest'

import { isNegator, negatedPositions } from './negation.js'
import { tokenise } from './tokenise.js'

describe('negatedPositions', () => {
  it('reaches the next few words', () => {
    const tokens = tokenise('I am not very happy today')

    expect([...negatedPositions(tokens)]).toEqual([3, 4, 5])
  })

  it('stops at punctuation and contrasting words', () => {
    expect([...negatedPositions(tokenise('not sad, just tired'))]).toEqual([1])
    expect([...negatedPositions(tokenise('not sad but angry'))]).toEqual([1])
  })

  it('does not treat "never been this" as a denial', () => {
    expect(negatedPositions(tokenise('I have never been this sad')).size).toBe(0)
  })

  it('leaves "can\'t stop crying" as crying', () => {
    expect(negatedPositions(tokenise("I can't stop crying")).has(3)).toBe(false)
  })
})

describe('isNegator', () => {
  it("knows contractions ending in n't", () => {
    expect(isNegator("mustn't")).toBe(true)
    expect(isNegator('never')).toBe(true)
    expect(isNegator('now')).toBe(false)
  })
})
