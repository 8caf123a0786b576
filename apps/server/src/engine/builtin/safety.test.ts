import { describe, expect, it } from 'vitest'

import { safetyReply } from './safety.js'

describe('safetyReply', () => {
  it('points to emergency services and a crisis line and says the facilitator knows', () => {
    for (let variant = 0; variant < 4; variant++) {
      const reply = safetyReply(['self_harm'], variant)

      expect(reply).toMatch(/emergency number/)
      expect(reply).toMatch(/crisis line/)
      expect(reply).toMatch(/facilitator know/)
      expect(reply).not.toMatch(/\d/)
    }
  })

  it('speaks to the risk of harming others', () => {
    const reply = safetyReply(['harm_to_others'], 0)

    expect(reply).toMatch(/hurt someone/)
    expect(reply).not.toMatch(/these thoughts/)
  })

  it('covers both risks at once', () => {
    const reply = safetyReply(['harm_to_others', 'self_harm'], 1)

    expect(reply).toMatch(/these thoughts/)
    expect(reply).toMatch(/hurt someone/)
  })
})
