import { describe, expect, it } from 'vitest'

import { percentile, summarizeLatencies } from './percentile.js'

describe('percentile', () => {
  it('takes the nearest rank: the smallest value that p percent do not exceed', () => {
    const values = [10, 20, 30, 40]

    expect(percentile(values, 25)).toBe(10)
    expect(percentile(values, 50)).toBe(20)
    expect(percentile(values, 51)).toBe(30)
    expect(percentile(values, 100)).toBe(40)
  })

  it('gives the p99 of a hundred values as the 99th, not the largest', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1)

    expect(percentile(values, 99)).toBe(99)
    expect(percentile(values, 50)).toBe(50)
  })

  it('answers NaN for no values and refuses a percentile out of range', () => {
    expect(percentile([], 50)).toBeNaN()
    expect(() => percentile([1], 0)).toThrow(RangeError)
    expect(() => percentile([1], 101)).toThrow(RangeError)
  })
})

describe('summarizeLatencies', () => {
  it('sorts numerically before reading the figures', () => {
    const summary = summarizeLatencies(Float64Array.from([9, 100, 1.5, 20]))

    expect(summary).toEqual({ p50: 9, p99: 100, max: 100 })
  })
})
