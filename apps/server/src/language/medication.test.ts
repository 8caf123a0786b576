import { describe, expect, it } from 'vitest'

import { asksAboutMedication } from './medication.js'

describe('asksAboutMedication', () => {
  it.each([
    'how many of my sertraline pills can I take at once?',
    'should I double my dose?',
    'can I stop taking my meds',
    'Is it safe to drink alcohol on my antidepressants?',
    'I stopped my medication last week',
    'I want to come off my fluoxetine',
    'How much melatonin should I take?',
    'Can I take an extra Xanax tonight',
    'I skipped my tablets this week',
    'can i mix my meds with wine',
  ])('reads "%s" as a medication question', (text) => {
    expect(asksAboutMedication(text)).toBe(true)
  })

  it.each([
    'I take my tablets every morning',
    'The doctor put me on new meds and I feel a bit better',
    'How many people feel like this?',
    'I stopped going to the gym',
    'can I talk about my mum?',
    'I had a headache all day',
  ])('does not read "%s" as one', (text) => {
    expect(asksAboutMedication(text)).toBe(false)
  })
})
