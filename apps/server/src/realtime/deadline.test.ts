import { afterEach, describe, expect, it, vi } from 'vitest'

import { atDeadline } from './deadline.js'

describe('atDeadline', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('fires at a deadline beyond the longest single timer, not before', () => {
    vi.useFakeTimers()
    const fired = vi.fn()
    const ninetyDays = 90 * 86_400_000

    atDeadline(Date.now() + ninetyDays, fired)

    vi.advanceTimersByTime(ninetyDays - 1)
    expect(fired).not.toHaveBeenCalled()

    vi.advanceTimersByTime(1)
    expect(fired).toHaveBeenCalledOnce()
  })

  it('fires at once for a past deadline, never for Infinity, and not once cancelled', () => {
    vi.useFakeTimers()
    const past = vi.fn()
    const never = vi.fn()
    const cancelled = vi.fn()

    atDeadline(Date.now() - 1, past)
    atDeadline(Infinity, never)
    atDeadline(Date.now() + 1000, cancelled)()
    vi.advanceTimersByTime(10 * 365 * 86_400_000)

    expect(past).toHaveBeenCalledOnce()
    expect(never).not.toHaveBeenCalled()
    expect(cancelled).not.toHaveBeenCalled()
  })
})
