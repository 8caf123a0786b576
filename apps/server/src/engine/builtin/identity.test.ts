import { describe, expect, it } from 'vitest'

import { asksWhatThePersonaIs } from './identity.js'
import { createBuiltinEngine } from './index.js'
import { loadPersona, message, personaFileNames, requestFor } from './test-support.js'

const engine = createBuiltinEngine()
const personas = personaFileNames().map((name) => loadPersona(name.replace(/\.json$/, '')))

const QUESTIONS = [
  'Are you a real doctor?',
  'am I talking to a bot?',
  'are you human',
  'r u an AI',
  'Is this a real person I am talking to?',
  'who am I talking to?',
  'Are you actually a therapist?',
  'what are you?',
]

describe('asksWhatThePersonaIs', () => {
  it.each(QUESTIONS)('hears the question in "%s"', (text) => {
    expect(asksWhatThePersonaIs(text)).toBe(true)
  })

  it.each([
    'are you there?',
    'how are you?',
    'what are you doing this weekend?',
    'Is it a real problem or am I overreacting?',
    'my doctor is not helping',
    'are you free to talk about my exams?',
  ])('hears none in "%s"', (text) => {
    expect(asksWhatThePersonaIs(text)).toBe(false)
  })
})

describe('the answer to what the persona is', () => {
  it.each(QUESTIONS)('"%s" gets the honest, whole answer from every persona', async (text) => {
    for (const persona of personas) {
      const { content, assessment } = await engine.reply(requestFor(persona, text))

      expect(content).toMatch(/^I(?: am|'m) an AI, not a human/)
      expect(content).toContain(persona.name)
      expect(content).toMatch(/not a real doctor, therapist or any other kind of clinician/)
      expect(content).toMatch(/facilitator is the person in charge/)
      // No restatement of the question in the persona's voice ("you are talking to a bot").
      expect(content).not.toMatch(/you are talking|am you|hearing you right/i)
      expect(assessment.strategy).toBe('information')
    }
  })

  it('is given even right after another informative reply', async () => {
    const earlier = [
      message('why do I feel like this?'),
      message('It may help to know that worry is common.', 'persona'),
    ]
    const { content } = await engine.reply(requestFor(personas[0]!, 'are you a bot?', earlier))

    expect(content).toMatch(/an AI, not a human/)
  })
})
