import { describe, expect, it } from 'vitest'

import { extractSeekerTurns, parseDataset } from './dataset.js'

const record = (overrides: Record<string, unknown> = {}) => ({
  experience_type: 'Current Experience',
  emotion_type: 'anxiety',
  problem_type: 'job crisis',
  situation: 'made up for the test',
  survey_score: { seeker: { initial_emotion_intensity: '4', final_emotion_intensity: '2' } },
  dialog: [
    { speaker: 'speaker', annotation: {}, content: 'first\n' },
    { speaker: 'listener', annotation: { strategy: 'Question' }, content: 'supporter' },
    { speaker: 'speaker', annotation: {}, content: '   \n' },
    { speaker: 'speaker', annotation: { feedback: '4' }, content: '  second  ' },
  ],
  ...overrides,
})

describe('extractSeekerTurns', () => {
  it('keeps only the help-seeker, trimmed, in order', () => {
    expect(extractSeekerTurns(record().dialog)).toEqual(['first', 'second'])
  })

  it('skips turns that are empty after trimming', () => {
    const dialog = [
      { speaker: 'speaker', content: '' },
      { speaker: 'speaker', content: '\n\t' },
    ]

    expect(extractSeekerTurns(dialog)).toEqual([])
  })
})

describe('parseDataset', () => {
  it('numbers conversations from 1 and reads the survey intensities as numbers', () => {
    const [first, second] = parseDataset([record(), record({ emotion_type: 'shame' })])

    expect(first).toMatchObject({ index: 1, emotionType: 'anxiety', initialIntensity: 4 })
    expect(first?.finalIntensity).toBe(2)
    expect(second).toMatchObject({ index: 2, emotionType: 'shame' })
  })

  it('treats a missing or blank intensity as not rated', () => {
    const [onlyInitial, blank, noSurvey] = parseDataset([
      record({ survey_score: { seeker: { initial_emotion_intensity: '3' } } }),
      record({ survey_score: { seeker: { initial_emotion_intensity: ' ' } } }),
      record({ survey_score: undefined }),
    ])

    expect(onlyInitial).toMatchObject({ initialIntensity: 3, finalIntensity: null })
    expect(blank).toMatchObject({ initialIntensity: null, finalIntensity: null })
    expect(noSurvey).toMatchObject({ initialIntensity: null, finalIntensity: null })
  })

  it('rejects a file that is not in the ESConv shape', () => {
    expect(() => parseDataset({ dialog: [] })).toThrow()
    expect(() => parseDataset([record({ dialog: 'text' })])).toThrow()
  })
})
