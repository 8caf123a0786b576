import { describe, expect, it } from 'vitest'

import { formatShare, percentile } from './stats.js'

describe('percentile', () => {
  it('is the nearest rank, whatever the order of the values', () => {
    expect(percentile([4, 1, 3, 2], 50)).toBe(2)
    expect(percentile([4, 1, 3, 2], 75)).toBe(3)
    expect(percentile([4, 1, 3, 2], 100)).toBe(4)
    expect(percentile([4, 1, 3, 2], 0)).toBe(1)
  })

  it('takes the largest value for p99 of fewer than a hundred values', () => {
    const values = Array.from({ length: 50 }, (_, index) => index + 1)

    expect(percentile(values, 99)).toBe(50)
  })

  it('takes the 99th of a hundred values for p99', () => {
    const values = Array.from({ length: 100 }, (_, index) => 100 - index)

    expect(percentile(values, 99)).toBe(99)
    expect(percentile(values, 50)).toBe(50)
  })

  it('is null for no values and refuses a p outside 0..100', () => {
    expect(percentile([], 50)).toBeNull()
    expect(() => percentile([1], 101)).toThrow(RangeError)
  })
})

describe('formatShare', () => {
  it('shows a percentage, or a dash when nothing was compared', () => {
    expect(formatShare(1, 3)).toBe('33.3 %')
    expect(formatShare(0, 0)).toBe('–')
  })
})
