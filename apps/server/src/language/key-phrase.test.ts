import { describe, expect, it } from 'vitest'

import { keyPhrase } from './key-phrase.js'

describe('keyPhrase', () => {
  it('takes the telling clause and drops greetings and fillers', () => {
    expect(keyPhrase('Hi. Well, my girlfriend left me last week and I cannot sleep.')).toBe(
      'my girlfriend left me last week and I cannot sleep',
    )
  })

  it('uses a question when nothing else was said', () => {
    expect(keyPhrase('I am so worried about my exams, what if I fail?')).toBe(
      'I am so worried about my exams',
    )
  })

  it('keeps quotes short and ends them on a content word', () => {
    const phrase = keyPhrase(
      'My boss keeps giving me extra work every single day without asking and I am completely exhausted and angry about it',
    )!

    expect(phrase.split(' ').length).toBeLessThanOrEqual(16)
    expect(phrase).not.toMatch(/\b(and|the|to)$/)
  })

  it('is null when there is nothing to quote', () => {
    expect(keyPhrase('ok')).toBeNull()
    expect(keyPhrase('hi, how are you?')).toBeNull()
    expect(keyPhrase('')).toBeNull()
  })
})
