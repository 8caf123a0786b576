import { describe, expect, it } from 'vitest'

import { tick } from '../fixtures.js'
import type { CurrentStorage } from './harness.js'

export function describeLoginAttempts(storage: CurrentStorage) {
  function begin(key: string, since: string, at = tick()) {
    return storage().loginAttempts.begin(key, { at, since, limit: 3 })
  }

  describe('login attempts', () => {
    it('records attempts up to the limit, then refuses, naming the oldest', async () => {
      const since = tick()
      const first = tick()

      expect(await begin('alice', since, first)).toEqual({ ok: true })
      expect(await begin('alice', since)).toEqual({ ok: true })
      expect(await begin('alice', since)).toEqual({ ok: true })
      expect(await begin('alice', since)).toEqual({ ok: false, oldest: first })
      expect(await begin('bob', since)).toEqual({ ok: true })
    })

    it('counts only attempts since the given time', async () => {
      const start = tick()

      for (let index = 0; index < 3; index++) {
        await begin('alice', start)
      }

      expect(await begin('alice', tick())).toEqual({ ok: true })
    })

    it('lets no more than the limit through when attempts race', async () => {
      const since = tick()
      const results = await Promise.all(Array.from({ length: 10 }, () => begin('alice', since)))

      expect(results.filter((result) => result.ok)).toHaveLength(3)
    })

    it("forgets one key's attempts on clear", async () => {
      const since = tick()

      for (let index = 0; index < 3; index++) {
        await begin('alice', since)
        await begin('bob', since)
      }

      await storage().loginAttempts.clear('alice')

      expect(await begin('alice', since)).toEqual({ ok: true })
      expect(await begin('bob', since)).toMatchObject({ ok: false })
    })
  })
}
