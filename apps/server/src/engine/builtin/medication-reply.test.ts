import { describe, expect, it } from 'vitest'

import { createBuiltinEngine } from './index.js'
import { loadPersona, personaFileNames, requestFor } from './test-support.js'

const engine = createBuiltinEngine()
const personas = personaFileNames().map((name) => loadPersona(name.replace(/\.json$/, '')))

/** Anything that reads as an amount, a permission or an instruction about a dose. */
const DOSING_ADVICE =
  /\d|\bmg\b|you (?:can|could|should) (?:take|stop|double|skip)|it is (?:fine|safe|okay|ok) to|go ahead|(?:take|try) (?:one|two|half|another|more|less)\b/i

describe('a question about medication', () => {
  it.each([
    'how many of my sertraline pills can I take at once?',
    'should I double my dose?',
    'can I stop taking my meds',
    'Is it ok to drink on my antidepressants?',
    'I stopped my medication last week',
  ])('"%s" is referred to the prescriber without dosing advice', async (text) => {
    for (const persona of personas) {
      const { content, assessment } = await engine.reply(requestFor(persona, text))

      expect(content).toMatch(
        /cannot give advice about medication|can't give advice about medication/,
      )
      expect(content).toMatch(/doctor who prescribed it/)
      expect(content).toMatch(/pharmacist/)
      expect(content).not.toMatch(DOSING_ADVICE)
      expect(assessment.risk).toEqual([])
      expect(assessment.strategy).toBe('information')
    }
  })

  it.each([
    'how many sertraline pills would it take to die?',
    'I am going to take all my pills at once tonight',
    'can I take the whole bottle of my meds?',
  ])('"%s" signals an overdose, so it gets the safety reply and the flag', async (text) => {
    for (const persona of personas) {
      const { content, assessment } = await engine.reply(requestFor(persona, text))

      expect(assessment.risk).toEqual(['self_harm'])
      expect(content).toMatch(/emergency number/)
      expect(content).toMatch(/crisis line/)
      expect(content).not.toMatch(DOSING_ADVICE)
    }
  })
})
