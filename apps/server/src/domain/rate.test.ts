import { describe, expect, it } from 'vitest'

import { parseRate } from './rate.js'

describe('parseRate', () => {
  it('reads each unit', () => {
    expect(parseRate('5/second')).toEqual({ limit: 5, windowMs: 1000, text: '5/second' })
    expect(parseRate('100/minute')?.windowMs).toBe(60_000)
    expect(parseRate('1000/hour')?.windowMs).toBe(3_600_000)
    expect(parseRate('1/day')).toEqual({ limit: 1, windowMs: 86_400_000, text: '1/day' })
  })

  it.each([
    '',
    '100',
    '0/minute',
    '-1/minute',
    '1.5/minute',
    '100/minutes',
    '100/min',
    '100 / minute',
    ' 100/minute',
    '100/Minute',
    '100/week',
    '1e3/minute',
    '0100/minute',
    '1234567890/second',
  ])('refuses %j', (text) => {
    expect(parseRate(text)).toBeNull()
  })
})
