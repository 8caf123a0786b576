import { describe, expect, it } from 'vitest'

import { splitIntoSessions } from './split.js'

const turns = (count: number) => Array.from({ length: count }, (_, index) => index)

describe('splitIntoSessions', () => {
  it('keeps a conversation under six turns as one session', () => {
    expect(splitIntoSessions(turns(5))).toEqual([[0, 1, 2, 3, 4]])
    expect(splitIntoSessions(turns(1))).toEqual([[0]])
  })

  it('makes no session of no turns', () => {
    expect(splitIntoSessions([])).toEqual([])
  })

  it('splits six turns or more into three consecutive parts, earlier parts larger', () => {
    expect(splitIntoSessions(turns(6))).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ])
    expect(splitIntoSessions(turns(8))).toEqual([
      [0, 1, 2],
      [3, 4, 5],
      [6, 7],
    ])
  })

  it('loses and repeats no turn', () => {
    for (const count of [6, 7, 13, 151]) {
      const parts = splitIntoSessions(turns(count))

      expect(parts).toHaveLength(3)
      expect(parts.flat()).toEqual(turns(count))
      expect(
        Math.max(...parts.map((part) => part.length)) -
          Math.min(...parts.map((part) => part.length)),
      ).toBeLessThanOrEqual(1)
    }
  })
})
