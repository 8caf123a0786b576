import { describe, expect, it } from 'vitest'

import { isBreak, tokenise, words } from './tokenise.js'

describe('tokenise', () => {
  it('lower-cases words and keeps clause punctuation apart', () => {
    expect(tokenise('I lost my job. Now what?')).toEqual([
      'i',
      'lost',
      'my',
      'job',
      '.',
      'now',
      'what',
      '?',
    ])
  })

  it('unifies curly apostrophes and expands chat shorthand', () => {
    expect(tokenise('I’m fine, idk')).toEqual(["i'm", 'fine', ',', 'i', "don't", 'know'])
    expect(tokenise('im gonna try')).toEqual(["i'm", 'going', 'to', 'try'])
  })

  it('turns emoticons and emoji into words', () => {
    expect(tokenise('so tired :( 😢')).toEqual(['so', 'tired', 'sadface', 'sadface'])
    expect(tokenise('thanks :)')).toEqual(['thanks', 'smileface'])
  })

  it('keeps letters of other scripts and folds accents', () => {
    expect(words('Ich bin müde, très fatigué — 我很累')).toEqual([
      'ich',
      'bin',
      'mude',
      'tres',
      'fatigue',
      '我很累',
    ])
  })

  it('returns nothing for text without words', () => {
    expect(tokenise('   ')).toEqual([])
    expect(words('...!!!')).toEqual([])
  })
})

describe('isBreak', () => {
  it('is true only for clause punctuation', () => {
    expect(isBreak(',')).toBe(true)
    expect(isBreak('!')).toBe(true)
    expect(isBreak('so')).toBe(false)
  })
})
