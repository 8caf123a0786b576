import { describe, expect, it } from 'vitest'

import type { LoadResult } from './load.js'
import { checkStoredMessages } from './stored-messages.js'

const settings = { connections: 10, durationSeconds: 8, warmupSeconds: 2 }
const accepted = (count: number) => ({ accepted: count }) as LoadResult

describe('checkStoredMessages', () => {
  it('counts a client request as two messages and allows for requests in flight', () => {
    const check = checkStoredMessages(140, 20, accepted(50), accepted(30), settings)

    expect(check).toEqual({ found: 140, accounted: 130, inFlightAllowance: 60, ok: true })
  })

  it('fails when an acknowledged message is missing', () => {
    expect(checkStoredMessages(129, 20, accepted(50), accepted(30), settings).ok).toBe(false)
  })

  it('fails when more was stored than could have been sent', () => {
    expect(checkStoredMessages(191, 20, accepted(50), accepted(30), settings).ok).toBe(false)
  })

  it('allows one run per target without a warm-up', () => {
    const check = checkStoredMessages(0, 0, accepted(0), accepted(0), {
      ...settings,
      warmupSeconds: 0,
    })

    expect(check.inFlightAllowance).toBe(30)
  })
})
