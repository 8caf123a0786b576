import { describe, expect, it } from 'vitest'

import { splitSentences } from './sentences.js'

describe('splitSentences', () => {
  it('splits at sentence ends and keeps the punctuation', () => {
    expect(splitSentences('I lost my job. What now? I am scared!')).toEqual([
      'I lost my job.',
      'What now?',
      'I am scared!',
    ])
  })

  it('splits at line breaks', () => {
    expect(splitSentences('first line\nsecond line')).toEqual(['first line', 'second line'])
  })

  it('does not split after a title', () => {
    expect(splitSentences('I saw Dr. Smith today. It helped.')).toEqual([
      'I saw Dr. Smith today.',
      'It helped.',
    ])
  })

  it('returns nothing for blank text', () => {
    expect(splitSentences('  \n ')).toEqual([])
  })
})
