import { describe, expect, it } from 'vitest'

import { decodeContent, encodeContent } from './message-content.js'

describe('message content', () => {
  it('carries the room, the index and the send time there and back', () => {
    const message = { room: 12, index: 49, sentAt: 1234.5678 }

    expect(decodeContent(encodeContent(message))).toEqual({ ...message, sentAt: 1234.568 })
  })

  it('decodes any other text as null', () => {
    expect(decodeContent('I feel anxious about my interview tomorrow.')).toBeNull()
    expect(decodeContent('ws-load room=1 index=x sent_at=2')).toBeNull()
  })
})
