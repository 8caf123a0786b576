import { describe, expect, it } from 'vitest'

import { hash, pick, unit } from './seed.js'

describe('hash', () => {
  it('is stable and spreads similar inputs', () => {
    expect(hash('ses_1:msg_1')).toBe(hash('ses_1:msg_1'))
    expect(hash('ses_1:msg_1')).not.toBe(hash('ses_1:msg_2'))
    expect(hash('')).toBeGreaterThanOrEqual(0)
  })
})

describe('pick', () => {
  it('chooses the same item for the same seed and salt', () => {
    const items = ['a', 'b', 'c', 'd', 'e']

    expect(pick(items, 42, 'x')).toBe(pick(items, 42, 'x'))
    expect(new Set(Array.from({ length: 50 }, (_, seed) => pick(items, seed, 'x'))).size).toBe(5)
  })

  it('returns undefined for an empty list', () => {
    expect(pick([], 1, 'x')).toBeUndefined()
  })
})

describe('unit', () => {
  it('stays within 0..1', () => {
    for (let seed = 0; seed < 100; seed++) {
      const value = unit(seed, 'salt')

      expect(value).toBeGreaterThanOrEqual(0)
      expect(value).toBeLessThanOrEqual(1)
    }
  })
})
