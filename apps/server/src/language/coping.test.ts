import { describe, expect, it } from 'vitest'

import { isCopingStatement } from './coping.js'

describe('isCopingStatement', () => {
  it.each([
    'I will try the breathing exercise tonight',
    "I'm going to call my sister tomorrow",
    'I went for a walk this morning',
    "I've been journaling every night",
    'Talking to her helped a lot',
    "I'll give it a try",
    'I talked to my manager about the workload',
  ])('counts "%s"', (text) => {
    expect(isCopingStatement(text)).toBe(true)
  })

  it.each([
    "I'm going to be fired",
    "I can't do anything",
    'nothing helps',
    "I'm going to hurt him",
    'I feel awful',
    "I won't try again",
  ])('does not count "%s"', (text) => {
    expect(isCopingStatement(text)).toBe(false)
  })
})
