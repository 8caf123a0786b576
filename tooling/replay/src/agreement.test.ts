import { describe, expect, it } from 'vitest'

import {
  combineMoods,
  confusionTable,
  moodAgreement,
  surveyDirection,
  trendAgreement,
} from './agreement.js'

describe('combineMoods', () => {
  it('returns a single session unchanged', () => {
    const mood = { primary: 'anxiety', secondary: 'fear', confidence: 0.6 } as const

    expect(combineMoods([{ mood, messages: 4 }])).toEqual(mood)
  })

  it('weighs each primary by confidence times messages', () => {
    const combined = combineMoods([
      { mood: { primary: 'sadness', secondary: null, confidence: 0.9 }, messages: 2 },
      { mood: { primary: 'anger', secondary: 'sadness', confidence: 0.5 }, messages: 6 },
      { mood: { primary: 'sadness', secondary: 'anger', confidence: 0.4 }, messages: 2 },
    ])

    // anger 0.5 * 6 = 3.0 beats sadness 0.9 * 2 + 0.4 * 2 = 2.6
    expect(combined?.primary).toBe('anger')
    expect(combined?.secondary).toBe('sadness')
    expect(combined?.confidence).toBeCloseTo(3 / 10)
  })

  it('breaks a tie by the earlier session', () => {
    const combined = combineMoods([
      { mood: { primary: 'neutral', secondary: null, confidence: 0 }, messages: 2 },
      { mood: { primary: 'joy', secondary: null, confidence: 0 }, messages: 2 },
    ])

    expect(combined).toEqual({ primary: 'neutral', secondary: 'joy', confidence: 0 })
  })

  it('is null without sessions', () => {
    expect(combineMoods([])).toBeNull()
  })
})

describe('moodAgreement', () => {
  it('counts primary matches and primary-or-secondary matches, skipping rows without a mood', () => {
    const rows = [
      { label: 'anxiety', mood: { primary: 'anxiety', secondary: null, confidence: 1 } },
      { label: 'fear', mood: { primary: 'anxiety', secondary: 'fear', confidence: 0.5 } },
      { label: 'anger', mood: { primary: 'sadness', secondary: 'joy', confidence: 0.5 } },
      { label: 'shame', mood: null },
    ] as const

    expect(moodAgreement(rows)).toEqual({ compared: 3, primary: 1, primaryOrSecondary: 2 })
  })

  it('never matches a label outside the moods', () => {
    const rows = [
      { label: 'nervousness', mood: { primary: 'anxiety', secondary: 'fear', confidence: 0.5 } },
    ] as const

    expect(moodAgreement(rows)).toEqual({ compared: 1, primary: 0, primaryOrSecondary: 0 })
  })
})

describe('confusionTable', () => {
  it('counts label against primary found, with none for a missing mood', () => {
    const table = confusionTable([
      { label: 'anxiety', mood: { primary: 'anxiety', secondary: null, confidence: 1 } },
      { label: 'anxiety', mood: { primary: 'fear', secondary: null, confidence: 1 } },
      { label: 'anxiety', mood: { primary: 'anxiety', secondary: null, confidence: 1 } },
      { label: 'shame', mood: null },
    ])

    expect(Object.fromEntries(table.get('anxiety') ?? [])).toEqual({ anxiety: 2, fear: 1 })
    expect(Object.fromEntries(table.get('shame') ?? [])).toEqual({ none: 1 })
  })
})

describe('surveyDirection', () => {
  it('reads a lower final intensity as improving', () => {
    expect(surveyDirection(5, 2)).toBe('improving')
    expect(surveyDirection(2, 4)).toBe('worsening')
    expect(surveyDirection(3, 3)).toBe('stable')
    expect(surveyDirection(3, null)).toBeNull()
  })
})

describe('trendAgreement', () => {
  it('compares only rows with both a survey direction and a trend', () => {
    const result = trendAgreement([
      { survey: 'improving', trend: 'improving' },
      { survey: 'improving', trend: 'worsening' },
      { survey: 'stable', trend: 'improving' },
      { survey: 'worsening', trend: 'insufficient_data' },
      { survey: 'worsening', trend: null },
      { survey: null, trend: 'improving' },
    ])

    expect(result).toEqual({
      compared: 3,
      agree: 1,
      opposite: 1,
      insufficient: 2,
      moved: 2,
      movedAgree: 1,
    })
  })
})
