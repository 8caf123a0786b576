import { describe, expect, it } from 'vitest'

import { mapPool } from './pool.js'

describe('mapPool', () => {
  it('keeps the input order and never runs more than the limit at once', async () => {
    let running = 0
    let peak = 0
    const finished: number[] = []

    const results = await mapPool(
      [30, 5, 20, 1, 10],
      2,
      async (delay) => {
        running += 1
        peak = Math.max(peak, running)
        await new Promise((resolve) => setTimeout(resolve, delay))
        running -= 1
        return delay * 2
      },
      (result) => finished.push(result),
    )

    expect(results).toEqual([60, 10, 40, 2, 20])
    expect(peak).toBe(2)
    expect(finished).toHaveLength(5)
  })

  it('returns nothing for no items', async () => {
    expect(await mapPool([], 3, async () => 1)).toEqual([])
  })
})
