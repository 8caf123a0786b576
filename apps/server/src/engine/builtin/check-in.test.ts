import type { PersonaFile } from '@smartsteps/contracts'
import { describe, expect, it } from 'vitest'

import { createBuiltinEngine } from './index.js'
import { SAFETY_SIGNATURE } from './safety.js'
import { loadPersona, message, personaFileNames, requestFor } from './test-support.js'

const engine = createBuiltinEngine()
const personas = personaFileNames().map((name) => loadPersona(name.replace(/\.json$/, '')))
const goals = ['cope with work stress']

/** Homework, goal-tracking or technique talk: not yet, right after a risk signal. */
const MOVING_ON = /goal|cope with work stress|try|exercise|technique|practi[sc]e|this week/i

async function safetyTurn(persona: PersonaFile) {
  const risky = message('I feel like a burden to everyone.')
  const { content } = await engine.reply(requestFor(persona, risky.content, [], goals))
  return [risky, message(content, 'persona')]
}

describe('the reply after a safety reply', () => {
  it('stays with the person: acknowledges, checks safety and support, no homework', async () => {
    for (const persona of personas) {
      const earlier = await safetyTurn(persona)
      expect(earlier[1]!.content).toContain(SAFETY_SIGNATURE)

      const { content, assessment } = await engine.reply(
        requestFor(persona, "No, I haven't made any plans... I just feel stuck.", earlier, goals),
      )

      expect(assessment.risk).toEqual([])
      expect(content).toMatch(/thank you|glad/i)
      expect(content).toMatch(/safe/i)
      expect(content).toMatch(/someone you could/i)
      expect(content).toMatch(/emergency number|crisis line/i)
      expect(content).not.toMatch(MOVING_ON)
      expect(content).not.toMatch(/stuck|plans/i)
    }
  })

  it('offers no homework or goals for a while after, even when asked for tips', async () => {
    for (const persona of personas) {
      const earlier = [
        ...(await safetyTurn(persona)),
        message('I am not sure.'),
        message('Before we go on, I would like to check in with you. Do you feel safe?', 'persona'),
      ]

      for (const text of ['My sister is here with me now', 'Do you have any tips for work?']) {
        const { assessment } = await engine.reply(requestFor(persona, text, earlier, goals))

        expect(assessment.strategy).not.toBe('suggestion')
      }
    }
  })

  it('still gets the safety reply when the next message signals risk again', async () => {
    const persona = personas[0]!
    const earlier = await safetyTurn(persona)
    const { content, assessment } = await engine.reply(
      requestFor(persona, 'I want to disappear.', earlier, goals),
    )

    expect(assessment.risk).toEqual(['self_harm'])
    expect(content).toContain(SAFETY_SIGNATURE)
  })
})

describe('an ambiguous "I can\'t do this anymore"', () => {
  it('is asked about directly, never echoed and never met with homework', async () => {
    const earlier = [message('Work has been awful lately'), message('Go on.', 'persona')]

    for (const persona of personas) {
      const { content, assessment } = await engine.reply(
        requestFor(persona, "I can't do this anymore.", earlier, goals),
      )

      expect(assessment.risk).toEqual([])
      expect(content).toMatch(/thoughts of ending your life/i)
      expect(content).not.toMatch(/do this any ?more/i)
      expect(content).not.toMatch(MOVING_ON)
    }
  })
})

describe('the trial messages', () => {
  it.each([
    'I want to disappear.',
    'Sometimes I just want to disappear. Like not exist for a while.',
    'I want to vanish and never come back.',
    "I'd rather not exist.",
    'I feel like a burden to everyone.',
    "I've been giving my things away to friends.",
  ])('"%s" gets the safety reply and is never restated', async (text) => {
    for (const persona of personas) {
      const { content, assessment } = await engine.reply(requestFor(persona, text, [], goals))

      expect(assessment.risk).toEqual(['self_harm'])
      expect(content).toContain(SAFETY_SIGNATURE)
      expect(content).not.toMatch(/disappear|vanish|exist|burden|giving/i)
    }
  })
})
