import { describe, expect, it } from 'vitest'

import { touchesOnHarm } from './harm-words.js'

describe('touchesOnHarm', () => {
  it.each([
    'I wrote letters to say goodbye',
    'I finally have enough pills',
    'I sorted out the rope',
    'my grandad died last spring',
    'I want to k!ll it',
    'everyone is better off without me now',
    'I want to disappear into a good book',
    'I want to vanish for a while',
    "I'd rather not exist",
    'I feel like such a burden',
    'I have been giving my things away to friends',
    "I can't do this anymore",
  ])('hears harm in "%s"', (text) => {
    expect(touchesOnHarm(text)).toBe(true)
  })

  it.each([
    'I went for a walk and it helped',
    'I called my sister and we talked for an hour',
    'I got the job!',
    'I hung out with friends at the weekend',
  ])('hears none in "%s"', (text) => {
    expect(touchesOnHarm(text)).toBe(false)
  })
})
