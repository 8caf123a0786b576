import { describe, expect, it } from 'vitest'

import { safetyReply } from './safety.js'

/** Words that would praise or agree with what was said: never right after a risk. */
const AFFIRMING =
  /good to hear|glad (?:about|that you)|shows real strength|well done|great|progress|good (?:step|decision)|proud/i

describe('safetyReply', () => {
  it('acknowledges, shows concern, points to urgent help and to people who can help', () => {
    for (let variant = 0; variant < 6; variant++) {
      const reply = safetyReply(['self_harm'], variant)

      expect(reply).toMatch(/thank you for|glad you said|what you have told me/i)
      expect(reply).toMatch(/concerned|worried/)
      expect(reply).toMatch(/emergency number/)
      expect(reply).toMatch(/crisis line/)
      expect(reply).toMatch(/someone you trust/)
      expect(reply).toMatch(/flagged this conversation for your facilitator/)
      expect(reply).not.toMatch(AFFIRMING)
    }
  })

  it('invents no phone numbers', () => {
    for (let variant = 0; variant < 6; variant++) {
      expect(safetyReply(['harm_to_others', 'self_harm'], variant)).not.toMatch(/\d/)
    }
  })

  it('is honest that an AI cannot send help and the facilitator may read it late', () => {
    const reply = safetyReply(['self_harm'], 0)

    expect(reply).toMatch(/I am an AI and cannot send help/)
    expect(reply).toMatch(/may not see it straight away, so please do not wait/)
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
