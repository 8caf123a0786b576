import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { RateLimitStore } from '../ports/rate-limit-store.js'

export interface OpenedRateLimitStore {
  store: RateLimitStore
  cleanup(): Promise<void>
}

const MINUTE = 60_000
const SHORT_WINDOW = 150

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * The behaviour every rate-limit store must show, as a vitest suite, on the real clock (a
 * Redis store cannot be given a fake one). Call it from the adapter's own test file with a
 * function that opens a fresh, empty store.
 *
 * @example
 * describeRateLimitStoreConformance('in-memory', async () => {
 *   const store = createInMemoryRateLimitStore()
 *   return { store, cleanup: () => store.close() }
 * })
 */
export function describeRateLimitStoreConformance(
  adapterName: string,
  open: () => Promise<OpenedRateLimitStore>,
) {
  describe(`rate-limit store conformance: ${adapterName}`, () => {
    let opened: OpenedRateLimitStore | undefined

    beforeEach(async () => {
      opened = await open()
    })

    afterEach(async () => {
      await opened?.cleanup()
      opened = undefined
    })

    function store(): RateLimitStore {
      if (!opened) {
        throw new Error('the store is only open inside a test')
      }

      return opened.store
    }

    it('opens a window at the first hit', async () => {
      const before = Date.now()
      const window = await store().hit('first', MINUTE)

      expect(window.count).toBe(1)
      expect(window.resetAt).toBeGreaterThanOrEqual(before + MINUTE - 50)
      expect(window.resetAt).toBeLessThanOrEqual(Date.now() + MINUTE + 50)
    })

    it('counts later hits in the same window without moving its end', async () => {
      const first = await store().hit('repeat', MINUTE)
      const second = await store().hit('repeat', MINUTE)
      const third = await store().hit('repeat', MINUTE)

      expect([second.count, third.count]).toEqual([2, 3])
      expect(third.resetAt).toBe(first.resetAt)
    })

    it('keeps keys apart', async () => {
      await store().hit('one', MINUTE)
      await store().hit('one', MINUTE)

      expect((await store().hit('two', MINUTE)).count).toBe(1)
      expect((await store().hit('one', MINUTE)).count).toBe(3)
    })

    it('starts a new window once the last one has closed', async () => {
      await store().hit('short', SHORT_WINDOW)
      await store().hit('short', SHORT_WINDOW)
      await sleep(SHORT_WINDOW + 100)

      const window = await store().hit('short', SHORT_WINDOW)

      expect(window.count).toBe(1)
      expect(window.resetAt).toBeGreaterThan(Date.now())
    })

    it('gives each of many concurrent hits its own count', async () => {
      const hits = 500
      const windows = await Promise.all(
        Array.from({ length: hits }, () => store().hit('crowded', MINUTE)),
      )
      const counts = windows.map((window) => window.count).sort((a, b) => a - b)

      expect(counts).toEqual(Array.from({ length: hits }, (_, index) => index + 1))
      expect(new Set(windows.map((window) => window.resetAt)).size).toBe(1)
    })

    it('takes keys of any text, including separators and addresses', async () => {
      const key = 'rl:endpoint:/api/v1/auth/login:2001:db8::/64'

      expect((await store().hit(key, MINUTE)).count).toBe(1)
      expect((await store().hit(`${key} `, MINUTE)).count).toBe(1)
    })
  })
}
