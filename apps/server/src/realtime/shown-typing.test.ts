import { describe, expect, it } from 'vitest'

import { createShownTyping } from './shown-typing.js'

const indicator = (sessionId: string, senderType: 'client' | 'facilitator') => ({
  session_id: sessionId,
  sender_type: senderType,
  sender_id: `${senderType}-id`,
})

describe('the typing indicators a socket left on', () => {
  it('keeps those turned on and not off, per session and sender', () => {
    const shown = createShownTyping()

    shown.record(indicator('ses_a', 'client'), true)
    shown.record(indicator('ses_a', 'facilitator'), true)
    shown.record(indicator('ses_a', 'facilitator'), false)
    shown.record(indicator('ses_b', 'client'), true)
    shown.record(indicator('ses_b', 'client'), true)

    expect(shown.takeSession('ses_a')).toEqual([indicator('ses_a', 'client')])
    expect(shown.takeSession('ses_a')).toEqual([])
    expect(shown.takeAll()).toEqual([indicator('ses_b', 'client')])
    expect(shown.takeAll()).toEqual([])
  })
})
