import { describe, expect, it } from 'vitest'

import { SUPPORT_STRATEGIES } from '../../ports/persona-engine.js'
import { FOLLOW_UPS, OPENINGS, POSITIVE_OPENINGS, TEMPLATES } from './phrasebook.js'
import { recogniseStrategy, signatureOf, usedTemplate } from './recognise-strategy.js'
import { contract, expand, fill } from './style.js'

const SAMPLE_SLOTS = {
  name: 'Dr. Test',
  topic: 'your exams',
  phrase: 'you are behind on everything',
  feeling: 'worried',
  goal: 'Sleep better',
  technique: 'mindfulness',
  guide: 'take three slow breaths',
  fact: 'worry is common',
}

describe('recogniseStrategy', () => {
  it.each(SUPPORT_STRATEGIES)('recognises every %s template, formal or casual', (strategy) => {
    for (const template of TEMPLATES[strategy]) {
      const text = fill(template.text, SAMPLE_SLOTS)!

      expect(recogniseStrategy(text)).toBe(strategy)
      expect(recogniseStrategy(contract(text))).toBe(strategy)
    }
  })

  it('gives every template a signature no other strategy uses', () => {
    for (const strategy of SUPPORT_STRATEGIES) {
      for (const template of TEMPLATES[strategy]) {
        const signature = signatureOf(template.text)

        for (const other of SUPPORT_STRATEGIES.filter((name) => name !== strategy)) {
          for (const foreign of TEMPLATES[other]) {
            expect(signatureOf(foreign.text)).not.toContain(signature)
          }
        }
      }
    }
  })

  it('does not mistake openings and follow-ups for a strategy', () => {
    const lines = [...OPENINGS, ...POSITIVE_OPENINGS, ...Object.values(FOLLOW_UPS).flat()].map(
      (template) => template.text,
    )

    for (const line of lines) {
      expect(recogniseStrategy(line)).toBeNull()
    }
  })

  it('finds the core after an opening line', () => {
    expect(
      recogniseStrategy('That sounds really hard. It may help to know that worry is common.'),
    ).toBe('information')
  })

  it('returns null for text it did not write', () => {
    expect(recogniseStrategy('An unrelated model wrote this.')).toBeNull()
    expect(recogniseStrategy('')).toBeNull()
  })
})

describe('usedTemplate', () => {
  it('spots a template in a reply, in either wording', () => {
    const template = TEMPLATES.restatement[0]!.text
    const reply = expand(contract(fill(template, SAMPLE_SLOTS)!))

    expect(usedTemplate(reply, template)).toBe(true)
    expect(usedTemplate(reply, TEMPLATES.restatement[1]!.text)).toBe(false)
  })
})
