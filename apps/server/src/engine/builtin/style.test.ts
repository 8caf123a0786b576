import { describe, expect, it } from 'vitest'

import { bandOf, capitalise, contract, expand, fill, suits } from './style.js'

const style = { formality: 0.8, directiveness: 0.2, warmth: 0.5, complexity: 0.5 }

describe('bandOf', () => {
  it('splits 0..1 into low, middle and high', () => {
    expect(bandOf(0.1)).toBe('low')
    expect(bandOf(0.5)).toBe('middle')
    expect(bandOf(0.6)).toBe('high')
  })
})

describe('suits', () => {
  it('accepts templates whose bands all match, and unbanded ones', () => {
    expect(suits({ text: 'x' }, style)).toBe(true)
    expect(suits({ text: 'x', formality: 'high', directiveness: 'low' }, style)).toBe(true)
    expect(suits({ text: 'x', formality: 'low' }, style)).toBe(false)
    expect(suits({ text: 'x', warmth: 'high' }, style)).toBe(false)
  })
})

describe('contract and expand', () => {
  it('contracts full forms for casual speech', () => {
    expect(contract('I am sure you are right, it is not easy and you do not have to.')).toBe(
      "I'm sure you're right, it's not easy and you don't have to.",
    )
  })

  it('expands back to the same lower-case full forms', () => {
    const formal = 'I am sure you are right, it is not easy.'

    expect(expand(contract(formal))).toBe(formal.toLowerCase())
    expect(expand('You’re right')).toBe('you are right')
  })
})

describe('fill', () => {
  it('fills slots and refuses a template with a missing one', () => {
    expect(fill('About {topic}?', { topic: 'work' })).toBe('About work?')
    expect(fill('About {topic}?', {})).toBeNull()
    expect(fill('About {topic}?', { topic: '' })).toBeNull()
  })

  it('inserts values literally', () => {
    expect(fill('{phrase}.', { phrase: '$1 {topic}' })).toBe('$1 {topic}.')
  })
})

describe('capitalise', () => {
  it('upper-cases the first letter only', () => {
    expect(capitalise('your exams are soon')).toBe('Your exams are soon')
    expect(capitalise('')).toBe('')
  })
})
