import { describe, expect, it } from 'vitest'

import { describeRateLimitStoreConformance } from './conformance.js'
import { createInMemoryRateLimitStore } from './in-memory-store.js'

describeRateLimitStoreConformance('in-memory', async () => {
  const store = createInMemoryRateLimitStore()
  return { store, cleanup: () => store.close() }
})

describe('in-memory rate-limit store', () => {
  it('closes a window exactly at its end', async () => {
    let time = 1_000_000
    const store = createInMemoryRateLimitStore({ now: () => time })

    expect(await store.hit('key', 1000)).toEqual({ count: 1, resetAt: 1_001_000 })

    time = 1_000_999
    expect(await store.hit('key', 1000)).toEqual({ count: 2, resetAt: 1_001_000 })

    time = 1_001_000
    expect(await store.hit('key', 1000)).toEqual({ count: 1, resetAt: 1_002_000 })

    await store.close()
  })

  it('drops the oldest windows when full, never the current caller', async () => {
    let time = 0
    const store = createInMemoryRateLimitStore({ now: () => time, maxKeys: 3 })

    for (const key of ['a', 'b', 'c']) {
      time += 1
      await store.hit(key, 60_000)
    }

    await store.hit('c', 60_000)
    await store.hit('d', 60_000)

    expect((await store.hit('c', 60_000)).count).toBe(3)
    expect((await store.hit('d', 60_000)).count).toBe(2)
    expect((await store.hit('a', 60_000)).count).toBe(1)

    await store.close()
  })
})
