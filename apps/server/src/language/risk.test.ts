import { describe, expect, it } from 'vitest'

import { detectRisk } from './risk.js'

describe('detectRisk', () => {
  it.each([
    'I want to kill myself',
    "I don't want to be here anymore",
    'thinking of ending it all',
    'Sometimes I wish I was dead',
    'everyone would be better off without me',
    "I've been cutting myself again",
    'I have nothing to live for',
    'I am thinking about suicide',
    'honestly i wanna die',
    'I want to end my life',
  ])('flags self-harm in "%s"', (text) => {
    expect(detectRisk(text)).toEqual(['self_harm'])
  })

  it.each([
    "I'm going to hurt him",
    'I swear I will kill my boss',
    'I feel like punching someone',
    'I want them dead',
  ])('flags harm to others in "%s"', (text) => {
    expect(detectRisk(text)).toEqual(['harm_to_others'])
  })

  it.each([
    'this traffic is killing me',
    'I could kill for a coffee',
    'my back hurts',
    'my feet are killing me after that hike',
    'I would never kill myself',
    "I don't want to die",
    'I hurt myself playing football',
    'I cut myself shaving this morning',
    'the deadline is going to kill me',
    'we want to kill some time before the film',
    'I died laughing at that video',
  ])('does not flag "%s"', (text) => {
    expect(detectRisk(text)).toEqual([])
  })

  it('flags both categories when both are said', () => {
    expect(detectRisk('I will hurt her and then kill myself')).toEqual([
      'harm_to_others',
      'self_harm',
    ])
  })

  it('still flags after a negated mention', () => {
    expect(detectRisk("I said I'd never kill myself, but now I want to kill myself")).toEqual([
      'self_harm',
    ])
  })
})
