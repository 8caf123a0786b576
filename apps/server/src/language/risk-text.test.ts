import { describe, expect, it } from 'vitest'

import { riskReadings } from './risk-text.js'

/** The disguise-free reading, the last one. */
const decoded = (text: string) => riskReadings(text).at(-1)!.trim()

describe('riskReadings', () => {
  it('reads plain text once', () => {
    expect(riskReadings('I had a long day at work')).toEqual([' i had a long day at work '])
  })

  it.each([
    ['I want to k!ll myself', 'i want to kill myself'],
    ['k1ll my5elf', 'kill myself'],
    ['ki11 myself', 'kill myself'],
    ['su1c1d3', 'suicide'],
    ['k*ll myself', 'kill myself'],
    ['k.i.l.l myself', 'kill myself'],
    ['s-u-i-c-i-d-e', 'suicide'],
    ['k i l l myself', 'kill myself'],
    ['s u i c i d a l', 'suicidal'],
    ['sui cide', 'suicide'],
    ['un-alive myself', 'unalive myself'],
    ['kiiiill myself', 'kill myself'],
    ['kill my\u200bself', 'kill myself'],
    ['ｋｉｌｌ myself', 'kill myself'],
  ])('takes the disguise off "%s"', (text, plain) => {
    expect(decoded(text)).toBe(plain)
  })

  it('keeps the reading as written beside the decoded one', () => {
    expect(riskReadings('k!ll')).toEqual([' k ! ll ', ' kill '])
  })

  it.each([
    ['I have 2 kids and 1 dog', 'i have 2 kids and 1 dog'],
    ['so i a m tired', 'so i a m tired'],
    ['I ran 5 km, e.g. a lot', 'i ran 5 km , eg . a lot'],
    ['the skills I use', 'the skills i use'],
  ])('leaves ordinary text as it is: "%s"', (text, plain) => {
    expect(decoded(text)).toBe(plain)
  })
})
